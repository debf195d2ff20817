using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Privacy;

/// <summary>
/// Marks a service's part of an erasure done; the last one completes the request and announces
/// <see cref="CustomerErased"/> to third parties. Repeats and unknown requests change nothing.
/// </summary>
public sealed class CustomerErasureCompletedConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureCompleted, CustomersDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.erasure-completed";

    protected override async Task HandleAsync(CustomerErasureCompleted message, CancellationToken cancellationToken)
    {
        var request = await Db.ErasureRequests.FirstOrDefaultAsync(found => found.Id == message.ErasureId, cancellationToken);
        if (request is null)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        if (request.MarkCompleted(message.Service, now))
        {
            Db.EnqueueEvent(new CustomerErased
            {
                TenantId = request.TenantId,
                ErasureId = request.Id,
                CustomerId = request.CustomerId,
                RequestedAt = request.RequestedAt,
                OccurredAt = now,
            }, now);
        }
    }
}
