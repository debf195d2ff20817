using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty.Features.Privacy;

/// <summary>
/// Loyalty's part of an erasure. It keeps no names, contacts or free text: an account holds the customer's id, points
/// and the ids of the purchases that earned them, which stay so the balance and every total remain correct (the id
/// names no one once Customers has anonymised the record). So the part is to confirm, which it does once per request.
/// </summary>
public sealed class CustomerErasureRequestedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureRequested, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.erase-customer";

    protected override Task HandleAsync(CustomerErasureRequested message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        Db.EnqueueEvent(new CustomerErasureCompleted
        {
            TenantId = message.TenantId,
            ErasureId = message.ErasureId,
            CustomerId = message.CustomerId,
            Service = "loyalty",
            OccurredAt = now,
        }, now);
        return Task.CompletedTask;
    }
}
