using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>
/// Counts every rating (and survey NPS answer), CSAT and CES answer, and survey response in its branch's day.
/// </summary>
public sealed class FeedbackReceivedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<FeedbackReceived, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-feedback";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        var counted = BranchDayCounts.Start(message.TenantId, message.Branch, message.OccurredAt);
        // A survey response that asked no likelihood-to-recommend question says nothing about NPS.
        if (message.Rating is { } rating)
        {
            counted.CountRating(rating);
        }

        if (message.Csat is { } csat)
        {
            counted.CountCsat(csat);
        }

        if (message.Ces is { } ces)
        {
            counted.CountCes(ces);
        }

        if (message.Source == "survey")
        {
            counted.CountSurveyResponse();
        }

        await BranchDayCountsUpsert.AddAsync(Db, counted, cancellationToken);
    }
}
