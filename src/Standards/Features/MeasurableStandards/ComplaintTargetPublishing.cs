using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>Publishes a business's complaint targets after a change to one of its complaint-time standards.</summary>
internal static class ComplaintTargetPublishing
{
    /// <summary>
    /// When <paramref name="changed"/> (created, given a new version or retired, not yet saved) is on a complaint time,
    /// enqueues <see cref="ComplaintTargetsPublished"/> with the whole set in force and the business's next sequence
    /// number; the caller saves. Any such change publishes, even one that leaves the set as it was (a standard for some
    /// branches only): a repeated set is harmless, a missed one is not.
    /// </summary>
    public static async Task EnqueueIfAffectedAsync(StandardsDbContext db, ServiceStandard changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (MetricCatalogue.Find(changed.Metric) is not { IsComplaintTime: true })
        {
            return;
        }

        // The counter first, then the other standards: a change committed in between bumped the counter's version, so
        // this save fails (412) instead of publishing a set that misses it.
        var publication = await db.ComplaintTargetPublications.FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            publication = ComplaintTargetPublication.First(changed.TenantId);
            db.ComplaintTargetPublications.Add(publication);
        }

        var others = await db.ServiceStandards.AsNoTracking()
            .Where(standard => standard.Status == StandardStatus.Active && standard.Id != changed.Id
                && (standard.Metric == MetricCatalogue.ComplaintAcknowledgementTime || standard.Metric == MetricCatalogue.ComplaintResolutionTime))
            .ToListAsync(cancellationToken);
        var targets = ComplaintTargetSelection.Select([.. others, changed]);
        db.EnqueueEvent(new ComplaintTargetsPublished
        {
            TenantId = changed.TenantId,
            Sequence = publication.Next(now),
            Targets =
            [
                .. targets.Select(target => new PublishedComplaintTarget
                {
                    Kind = WireNames.Of(target.Kind),
                    Severity = WireNames.Of(target.Severity),
                    WithinMinutes = target.WithinMinutes,
                    StandardId = target.StandardId,
                    StandardVersion = target.StandardVersion,
                }),
            ],
            OccurredAt = now,
        }, now);
    }
}
