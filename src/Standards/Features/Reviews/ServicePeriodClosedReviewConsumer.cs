using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>Opens a review action for every standard that failed in a branch over the period that closed.</summary>
public sealed class ServicePeriodClosedReviewConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<ServicePeriodClosed, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.open-reviews";

    protected override async Task HandleAsync(ServicePeriodClosed message, CancellationToken cancellationToken)
    {
        var failed = message.Results.Where(result => result.Failed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        // The inbox stops the same message twice; the natural key stops the same close published again under another id.
        var opened = (await Db.ReviewActions.AsNoTracking()
                .Where(review => review.PeriodId == message.PeriodId)
                .Select(review => new { review.StandardId, review.Branch })
                .ToListAsync(cancellationToken))
            .Select(review => (review.StandardId, review.Branch))
            .ToHashSet();
        var now = Clock.GetUtcNow();
        foreach (var result in failed)
        {
            if (!opened.Add((result.StandardId, result.Branch)))
            {
                continue;
            }

            Db.ReviewActions.Add(ReviewAction.Open(message.TenantId, new ReviewedFailing(
                message.PeriodId,
                message.Start,
                message.End,
                result.StandardId,
                result.StandardVersion,
                result.Metric,
                result.Branch,
                result.Actual,
                result.Target,
                result.BreachedComplaintIds), now));
        }
    }
}
