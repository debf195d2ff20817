using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NpgsqlTypes;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>
/// NPS, CSAT and CES by branch, segment, survey or in total, per week, month or quarter, as JSON or CSV.
/// </summary>
/// <remarks>
/// Totals, branches and surveys read the daily rollup (survey_score_days), so a quarter of a business with a million
/// responses sums a few thousand rows instead of scanning the responses. Segments are about customers, so they read the
/// responses themselves, joined to the membership Customers announced: a response counts for the segments its
/// customer is in NOW, not those it was in when answering (the history of membership is not kept).
/// </remarks>
public static class ScoresReport
{
    public static void MapScoresReport(this RouteGroupBuilder group) =>
        group.MapGet("/reports/scores", GetAsync).WithName("GetScoresReport")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>The scores report, JSON by default, CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    /// <param name="period">week (ISO weeks from Monday, the default), month or quarter; UTC.</param>
    /// <param name="from">First day (yyyy-mm-dd); the report starts with the period holding it. Default: 12 periods ending with to's.</param>
    /// <param name="to">Last day (yyyy-mm-dd); the report ends with the period holding it. Default: today.</param>
    /// <param name="by">total (default), branch, segment or survey.</param>
    /// <param name="surveyId">Count only this survey's responses.</param>
    /// <param name="branch">Count only this branch's responses; a branch-restricted key sees its own branch only.</param>
    /// <param name="format">json or csv; overrides the Accept header.</param>
    public static async Task<Results<Ok<ScoresReportResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken,
        string? period = null,
        string? from = null,
        string? to = null,
        string? by = null,
        Guid? surveyId = null,
        string? branch = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = ReportRequest.TryRead(http.Request, tenant, clock, period, from, to, branch, format, errors);
        var grouping = ReadGrouping(by, errors);
        if (request is null || grouping is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.RefusedFor(tenant) is { } refused)
        {
            return refused;
        }

        var (range, scope) = (request.Range, request.Branch);

        var minimum = await ReportSettingsEndpoints.MinimumGroupSizeAsync(db, cancellationToken);
        var scores = await ReadScoresAsync(db, tenant.TenantId, range, grouping.Value, scope, surveyId, cancellationToken);
        var invitations = await ReadInvitationsAsync(db, tenant.TenantId, range, grouping.Value, scope, surveyId, cancellationToken);
        var report = ScoresReportBuilder.Build(range, grouping.Value, scope, surveyId, minimum, scores, invitations);
        return request.WantsCsv
            ? request.CsvFile(
                $"scores-{grouping.Value.ToString().ToLowerInvariant()}",
                body => Csv.WriteAsync(ScoresReportCsv.Lines(report).ToAsyncEnumerable(), ScoresReportCsv.Header, line => line, body, http.RequestAborted))
            : TypedResults.Ok(report);
    }

    private static ScoreGrouping? ReadGrouping(string? by, Dictionary<string, string[]> errors)
    {
        switch (by?.Trim().ToLowerInvariant())
        {
            case null or "" or "total":
                return ScoreGrouping.Total;
            case "branch":
                return ScoreGrouping.Branch;
            case "segment":
                return ScoreGrouping.Segment;
            case "survey":
                return ScoreGrouping.Survey;
            default:
                errors["by"] = ["Use 'total', 'branch', 'segment' or 'survey'."];
                return null;
        }
    }

    private static Task<List<ScoreGroupRow>> ReadScoresAsync(
        FeedbackDbContext db, Guid tenantId, ReportRange range, ScoreGrouping by, string? branch, Guid? surveyId, CancellationToken cancellationToken)
    {
        // The group expressions come from this switch, never from the request.
        var sql = by == ScoreGrouping.Segment
            ? """
              SELECT date_trunc(@unit, r.answered_at AT TIME ZONE 'UTC')::date, m.segment_id::text, max(m.segment_name),
                     count(*), count(*) FILTER (WHERE r.nps >= 9), count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8),
                     count(*) FILTER (WHERE r.nps <= 6), count(r.csat), count(*) FILTER (WHERE r.csat >= 4),
                     coalesce(sum(r.csat), 0)::bigint, count(r.ces), coalesce(sum(r.ces), 0)::bigint
              FROM survey_responses r
              JOIN segment_memberships m ON m.tenant_id = r.tenant_id AND m.customer_id = r.customer_id AND m.is_member
              WHERE r.tenant_id = @tenant AND r.answered_at >= @start_at AND r.answered_at < @end_at
                AND (@branch::text IS NULL OR r.branch = @branch) AND (@survey::uuid IS NULL OR r.survey_id = @survey)
              GROUP BY 1, 2
              """
            : $"""
              SELECT date_trunc(@unit, day::timestamp)::date, {GroupColumn(by)}, NULL::text,
                     sum(responses)::bigint, sum(promoters)::bigint, sum(passives)::bigint, sum(detractors)::bigint,
                     sum(csat_answers)::bigint, sum(csat_satisfied)::bigint, sum(csat_sum)::bigint,
                     sum(ces_answers)::bigint, sum(ces_sum)::bigint
              FROM survey_score_days
              WHERE tenant_id = @tenant AND day >= @start_day AND day < @end_day
                AND (@branch::text IS NULL OR branch = @branch) AND (@survey::uuid IS NULL OR survey_id = @survey)
              GROUP BY 1, 2
              """;
        return ReportSql.ReadAsync(
            db,
            sql,
            Parameters(tenantId, range, branch, surveyId),
            reader => new ScoreGroupRow(
                reader.GetFieldValue<DateOnly>(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new ScoreTotals(
                    reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                    reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11))),
            cancellationToken);
    }

    private static Task<List<InvitationCountRow>> ReadInvitationsAsync(
        FeedbackDbContext db, Guid tenantId, ReportRange range, ScoreGrouping by, string? branch, Guid? surveyId, CancellationToken cancellationToken)
    {
        var (group, join) = by switch
        {
            ScoreGrouping.Segment => ("m.segment_id::text", "JOIN segment_memberships m ON m.tenant_id = i.tenant_id AND m.customer_id = i.customer_id AND m.is_member"),
            ScoreGrouping.Branch => ("i.branch", ""),
            ScoreGrouping.Survey => ("i.survey_id::text", ""),
            _ => ("'all'", ""),
        };
        var sql = $"""
            SELECT date_trunc(@unit, i.created_at AT TIME ZONE 'UTC')::date, {group}, count(*)
            FROM survey_invitations i {join}
            WHERE i.tenant_id = @tenant AND i.created_at >= @start_at AND i.created_at < @end_at
              AND (@branch::text IS NULL OR i.branch = @branch) AND (@survey::uuid IS NULL OR i.survey_id = @survey)
            GROUP BY 1, 2
            """;
        return ReportSql.ReadAsync(
            db,
            sql,
            Parameters(tenantId, range, branch, surveyId),
            reader => new InvitationCountRow(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)),
            cancellationToken);
    }

    private static string GroupColumn(ScoreGrouping by) => by switch
    {
        ScoreGrouping.Branch => "branch",
        ScoreGrouping.Survey => "survey_id::text",
        _ => "'all'",
    };

    private static IEnumerable<Npgsql.NpgsqlParameter> Parameters(Guid tenantId, ReportRange range, string? branch, Guid? surveyId) =>
        ReportSql.RangeParameters(tenantId, range).Concat(
        [
            ReportSql.Parameter("branch", NpgsqlDbType.Text, branch),
            ReportSql.Parameter("survey", NpgsqlDbType.Uuid, surveyId),
        ]);
}
