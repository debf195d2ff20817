using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.CountFeedback;

/// <summary>Counts every rating (and survey NPS answer) in its branch's scorecard for the period it was given in.</summary>
public sealed class FeedbackReceivedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FeedbackReceived, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-feedback";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        // A survey response that asked no likelihood-to-recommend question says nothing about NPS.
        if (message.Rating is not { } rating)
        {
            return;
        }

        // The domain decides what the rating counts as; the database adds it in one atomic upsert, because a busy
        // branch's row is hot: read-modify-write lost to concurrency conflicts and retries under load.
        var counted = BranchPeriodScore.Start(message.TenantId, message.Branch, ServicePeriod.Containing(message.OccurredAt));
        counted.Count(rating);
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO branch_period_scores (tenant_id, branch, period_start, promoters, passives, detractors)
            VALUES ({counted.TenantId}, {counted.Branch}, {counted.PeriodStart}, {counted.Promoters}, {counted.Passives}, {counted.Detractors})
            ON CONFLICT (tenant_id, branch, period_start) DO UPDATE SET
                promoters = branch_period_scores.promoters + excluded.promoters,
                passives = branch_period_scores.passives + excluded.passives,
                detractors = branch_period_scores.detractors + excluded.detractors
            """,
            cancellationToken);
    }
}
