using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>Schedules the invitations of the surveys triggered by a purchase.</summary>
public sealed class PurchaseRecordedTriggerConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRecorded, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.schedule-purchase-survey";

    protected override Task HandleAsync(PurchaseRecorded message, CancellationToken cancellationToken) =>
        TriggerScheduler.ScheduleAsync(Db, TriggerEvent.Purchase, message.PurchaseId, message.CustomerId, message.Branch, Clock.GetUtcNow(), cancellationToken);
}
