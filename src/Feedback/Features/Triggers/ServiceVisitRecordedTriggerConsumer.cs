using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>Schedules the invitations of the surveys triggered by a service visit.</summary>
public sealed class ServiceVisitRecordedTriggerConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<ServiceVisitRecorded, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.schedule-visit-survey";

    protected override Task HandleAsync(ServiceVisitRecorded message, CancellationToken cancellationToken) =>
        TriggerScheduler.ScheduleAsync(Db, TriggerEvent.ServiceVisit, message.VisitId, message.CustomerId, message.Branch, Clock.GetUtcNow(), cancellationToken);
}
