using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Bench;

/// <summary>
/// Writes a business's facts for whole months straight into Standards' tables, in the shapes its consumers keep:
/// daily counts per branch (the survey responses, invitations, purchases, complaints opened, compensation), follow-ups,
/// and one complaint clock per complaint with its two deadlines (acknowledge, resolve) and a breach for one in twenty.
/// </summary>
public static class StandardsFacts
{
    /// <summary>A close delay long enough that the close worker never races the bench's own timed close.</summary>
    public const int NeverCloseOnItsOwnHours = 8760;

    public static async Task SeedAsync(PostgresDatabase standards, Guid tenantId, int branches, IReadOnlyList<DateOnly> months, int responsesPerMonth, int complaintsPerMonth)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(months);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var month in months)
        {
            // The current month only up to yesterday: facts are never in the future.
            var end = month.AddMonths(1) > today ? today : month.AddMonths(1);
            var days = end.DayNumber - month.DayNumber;
            if (days <= 0)
            {
                continue;
            }

            var perBranchDay = Math.Max(1, responsesPerMonth / (branches * days));
            var complaintsPerBranchDay = Math.Max(1, complaintsPerMonth / (branches * days));
            await standards.ExecuteAsync(
                """
                INSERT INTO branch_day_counts (tenant_id, branch, day, promoters, passives, detractors, csat_answers, csat_satisfied,
                    ces_answers, ces_total, survey_responses, survey_invitations, purchases, complaints_opened, compensation_amount)
                SELECT @tenant, 'BR-' || lpad(b::text, 2, '0'), @month + d,
                       @responses * (50 + b % 10) / 100, @responses * 25 / 100, @responses - @responses * (50 + b % 10) / 100 - @responses * 25 / 100,
                       @responses, @responses * 8 / 10, @responses, @responses * 3, @responses, @responses * 4,
                       @complaints * 50, @complaints, @complaints * 20
                FROM generate_series(0, @branches - 1) b, generate_series(0, @days - 1) d
                """,
                ("tenant", tenantId), ("month", month), ("responses", perBranchDay), ("complaints", complaintsPerBranchDay),
                ("branches", branches), ("days", days));

            await standards.ExecuteAsync(
                """
                INSERT INTO follow_ups (tenant_id, interaction_id, branch, due_at, completed_at)
                SELECT @tenant, gen_random_uuid(), 'BR-' || lpad((i % @branches)::text, 2, '0'), due, CASE WHEN i % 10 = 0 THEN NULL ELSE due - interval '1 hour' END
                FROM generate_series(1, @count) i, LATERAL (SELECT @start + (i % (@days * 24)) * interval '1 hour' AS due) at
                """,
                ("tenant", tenantId), ("branches", branches), ("count", complaintsPerMonth / 5), ("days", days),
                ("start", new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

            await standards.ExecuteAsync(
                """
                INSERT INTO complaint_clocks (tenant_id, complaint_id, branch, severity, received_at, acknowledged_at, first_resolved_at,
                    paused_before_first_resolution, updated_at)
                SELECT @tenant, md5(@tenant::text || @start::text || i)::uuid, 'BR-' || lpad((i % @branches)::text, 2, '0'),
                       (ARRAY['Low', 'Medium', 'High', 'Critical'])[1 + i % 4], received_at,
                       received_at + (30 + i % 600) * interval '1 minute', received_at + (600 + i % 4000) * interval '1 minute', interval '0', now()
                FROM generate_series(1, @count) i, LATERAL (SELECT @start + (i % (@days * 24 * 60)) * interval '1 minute' AS received_at) at;
                INSERT INTO complaint_deadlines (id, tenant_id, complaint_id, standard_id, standard_version, metric, clock, branch, started_at,
                    warn_at, due_at, warned_at, breached_at, done_at, next_check_at)
                SELECT gen_random_uuid(), @tenant, md5(@tenant::text || @start::text || i)::uuid, s.id, 1, s.metric, k.clock,
                       'BR-' || lpad((i % @branches)::text, 2, '0'), at.received_at,
                       at.received_at + k.warn * interval '1 minute', at.received_at + k.due * interval '1 minute', NULL,
                       CASE WHEN i % 20 = 0 THEN at.received_at + k.due * interval '1 minute' END,
                       at.received_at + k.done * interval '1 minute', NULL
                FROM generate_series(1, @count) i
                CROSS JOIN LATERAL (SELECT @start + (i % (@days * 24 * 60)) * interval '1 minute' AS received_at) at
                CROSS JOIN LATERAL (VALUES ('complaint-acknowledgement-time', 'Acknowledgement', 480, 600, 30 + i % 600 + CASE WHEN i % 20 = 0 THEN 600 ELSE 0 END),
                                           ('complaint-resolution-time', 'Resolution', 2400, 3000, 600 + i % 2000 + CASE WHEN i % 20 = 0 THEN 3000 ELSE 0 END)) k(metric, clock, warn, due, done)
                JOIN service_standards s ON s.tenant_id = @tenant AND s.metric = k.metric;
                INSERT INTO standard_breaches (id, tenant_id, deadline_id, standard_id, standard_version, metric, branch, complaint_id, clock, due_at, occurred_at)
                SELECT gen_random_uuid(), tenant_id, id, standard_id, standard_version, metric, branch, complaint_id, clock, due_at, breached_at
                FROM complaint_deadlines
                WHERE tenant_id = @tenant AND breached_at IS NOT NULL AND started_at >= @start AND started_at < @start + @days * interval '1 day';
                ANALYZE complaint_clocks; ANALYZE complaint_deadlines; ANALYZE standard_breaches; ANALYZE branch_day_counts; ANALYZE follow_ups;
                """,
                ("tenant", tenantId), ("branches", branches), ("count", complaintsPerMonth), ("days", days),
                ("start", new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }
    }
}
