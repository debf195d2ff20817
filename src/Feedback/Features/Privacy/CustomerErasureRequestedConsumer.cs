using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Privacy;

/// <summary>
/// Erases the customer's comments (free text that may say anything about them) and keeps each rating, branch and
/// time, so NPS and every count stay as they were; then reports Feedback's part done.
/// </summary>
public sealed class CustomerErasureRequestedConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureRequested, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.erase-customer";

    protected override async Task HandleAsync(CustomerErasureRequested message, CancellationToken cancellationToken)
    {
        await Db.FeedbackItems.Where(item => item.CustomerId == message.CustomerId)
            .ExecuteUpdateAsync(set => set.SetProperty(item => item.Comment, (string?)null), cancellationToken);
        var now = Clock.GetUtcNow();
        Db.EnqueueEvent(new CustomerErasureCompleted
        {
            TenantId = message.TenantId,
            ErasureId = message.ErasureId,
            CustomerId = message.CustomerId,
            Service = "feedback",
            OccurredAt = now,
        }, now);
    }
}
