using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ComplaintClocks;

/// <summary>Sets a complaint's deadlines from the standards in force, and settles them as its clock moves.</summary>
internal static class ComplaintDeadlines
{
    /// <summary>
    /// One deadline per active complaint-time standard that applies to the complaint's branch and severity, pinning
    /// the standard's current version: acknowledgement and resolution from the opening, or resolution from the latest reopen.
    /// </summary>
    public static async Task<IReadOnlyList<ComplaintDeadline>> OpenAsync(
        StandardsDbContext db, ComplaintClock complaint, BusinessCalendar calendar, bool reopened, CancellationToken cancellationToken)
    {
        var standards = await db.ServiceStandards
            .Where(standard => standard.Status == StandardStatus.Active
                && (standard.Metric == MetricCatalogue.ComplaintAcknowledgementTime || standard.Metric == MetricCatalogue.ComplaintResolutionTime))
            .ToListAsync(cancellationToken);
        var opened = new List<ComplaintDeadline>();
        foreach (var standard in standards.Where(standard => AppliesTo(standard.Terms, complaint)))
        {
            var isAcknowledgement = standard.Metric == MetricCatalogue.ComplaintAcknowledgementTime;
            if (reopened && isAcknowledgement)
            {
                continue;
            }

            var (kind, start, paused) = reopened
                ? (ComplaintClockKind.ReopenedResolution, complaint.ReopenedAt!.Value, TimeSpan.Zero)
                : isAcknowledgement
                    ? (ComplaintClockKind.Acknowledgement, complaint.ReceivedAt!.Value, TimeSpan.Zero)
                    : (ComplaintClockKind.Resolution, complaint.ReceivedAt!.Value, complaint.PausedBeforeFirstResolution);
            var deadline = ComplaintDeadline.Open(complaint, standard, kind, start, calendar, paused);
            db.ComplaintDeadlines.Add(deadline);
            opened.Add(deadline);
        }

        return opened;
    }

    /// <summary>
    /// Moves the running resolution deadlines by a wait that just ended, and settles the ones whose clock has
    /// stopped; a clock found stopped past its due time with no breach yet (its events came late) is a breach now.
    /// </summary>
    public static void Settle(
        StandardsDbContext db, ComplaintClock complaint, IEnumerable<ComplaintDeadline> deadlines, TimeSpan paused, BusinessCalendar calendar, DateTimeOffset now)
    {
        foreach (var deadline in deadlines.Where(deadline => deadline.DoneAt is null))
        {
            if (deadline.Clock != ComplaintClockKind.Acknowledgement)
            {
                deadline.Postpone(paused, calendar);
            }

            if (complaint.StoppedAt(deadline) is { } stopped && deadline.Stop(stopped))
            {
                RecordBreach(db, deadline, now);
            }
        }
    }

    /// <summary>Records the breach and enqueues <see cref="StandardBreached"/> with it; the caller saves.</summary>
    public static void RecordBreach(StandardsDbContext db, ComplaintDeadline deadline, DateTimeOffset now)
    {
        deadline.Breach(now);
        db.StandardBreaches.Add(StandardBreach.Of(deadline, now));
        db.EnqueueEvent(new StandardBreached
        {
            TenantId = deadline.TenantId, StandardId = deadline.StandardId, StandardVersion = deadline.StandardVersion, Metric = deadline.Metric,
            Branch = deadline.Branch, ComplaintId = deadline.ComplaintId, Clock = WireNames.Of(deadline.Clock), DueAt = deadline.DueAt, OccurredAt = now,
        }, now);
        StandardsTelemetry.Breaches.Add(1, new KeyValuePair<string, object?>("metric", deadline.Metric));
    }

    /// <summary>Enqueues <see cref="StandardAtRisk"/>; the caller saves.</summary>
    public static void Warn(StandardsDbContext db, ComplaintDeadline deadline, DateTimeOffset now)
    {
        db.EnqueueEvent(new StandardAtRisk
        {
            TenantId = deadline.TenantId, StandardId = deadline.StandardId, StandardVersion = deadline.StandardVersion, Metric = deadline.Metric,
            Branch = deadline.Branch, ComplaintId = deadline.ComplaintId, Clock = WireNames.Of(deadline.Clock), DueAt = deadline.DueAt, OccurredAt = now,
        }, now);
        StandardsTelemetry.AtRiskWarnings.Add(1, new KeyValuePair<string, object?>("metric", deadline.Metric));
    }

    private static bool AppliesTo(StandardTerms terms, ComplaintClock complaint) =>
        (terms.AppliesToAllBranches || terms.Branches.Contains(complaint.Branch, StringComparer.Ordinal))
        && (terms.Severity is null || terms.Severity == complaint.Severity);
}
