using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.CountFeedback;

/// <summary>Counts every rating in its branch's scorecard for the period it was given in.</summary>
public sealed class FeedbackReceivedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FeedbackReceived, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-feedback";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        var period = ServicePeriod.Containing(message.OccurredAt);
        var score = await Db.BranchPeriodScores.FirstOrDefaultAsync(
            score => score.Branch == message.Branch && score.PeriodStart == period.Start, cancellationToken);
        if (score is null)
        {
            score = BranchPeriodScore.Start(message.TenantId, message.Branch, period);
            Db.BranchPeriodScores.Add(score);
        }

        score.Count(message.Rating);
    }
}
