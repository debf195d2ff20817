using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>
/// Schedules the follow-up surveys of a resolved complaint. Feedback consumes its own event through the bus rather than
/// scheduling in the resolving request, which keeps the case's transaction small and the workflow unaware of surveys.
/// </summary>
public sealed class ComplaintResolvedTriggerConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<ComplaintResolved, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.schedule-complaint-follow-up";

    protected override Task HandleAsync(ComplaintResolved message, CancellationToken cancellationToken) =>
        TriggerScheduler.ScheduleAsync(
            Db, TriggerEvent.ComplaintResolved, message.ComplaintId, message.CustomerId, message.Branch, Clock.GetUtcNow(), cancellationToken);
}
