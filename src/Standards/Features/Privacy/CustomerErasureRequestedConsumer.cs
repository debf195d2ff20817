using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.Privacy;

/// <summary>
/// Standards' part of an erasure: it holds nothing about individual customers (<see cref="StandardsPersonalData"/>),
/// so scorecards are left exactly as they are and the part is confirmed, once per request.
/// </summary>
public sealed class CustomerErasureRequestedConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureRequested, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.erase-customer";

    protected override Task HandleAsync(CustomerErasureRequested message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        Db.EnqueueEvent(new CustomerErasureCompleted
        {
            TenantId = message.TenantId,
            ErasureId = message.ErasureId,
            CustomerId = message.CustomerId,
            Service = "standards",
            OccurredAt = now,
        }, now);
        return Task.CompletedTask;
    }
}
