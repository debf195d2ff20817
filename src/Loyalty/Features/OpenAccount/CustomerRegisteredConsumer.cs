using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty.Features.OpenAccount;

/// <summary>Opens a loyalty account for every newly registered customer.</summary>
public sealed class CustomerRegisteredConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerRegistered, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.open-account";

    protected override async Task HandleAsync(CustomerRegistered message, CancellationToken cancellationToken) =>
        await AccountBook.GetOrOpenAsync(Db, message.TenantId, message.CustomerId, Clock.GetUtcNow(), cancellationToken);
}
