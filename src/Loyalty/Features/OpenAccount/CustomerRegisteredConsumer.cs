using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.Bonuses;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty.Features.OpenAccount;

/// <summary>
/// Opens a loyalty account for every newly registered customer and keeps who referred them and their birthday. When a
/// purchase was consumed before the registration, the referral bonus it earned is paid now.
/// </summary>
public sealed class CustomerRegisteredConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerRegistered, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.open-account";

    protected override async Task HandleAsync(CustomerRegistered message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var existing = await AccountLocks.LockForCustomerAsync(Db, message.TenantId, message.CustomerId, cancellationToken);
        var account = existing ?? AccountBook.Open(Db, message.TenantId, message.CustomerId, now);
        account.RecordBirthday(Birthday.Parse(message.Birthday), message.OccurredAt, DateOnly.FromDateTime(now.UtcDateTime));
        if (message.ReferredByCustomerId is { } referrerId)
        {
            account.RecordReferrer(referrerId);
            if (existing is not null)
            {
                await ReferralBonus.CreditForEarlierPurchaseAsync(Db, account, now, cancellationToken);
            }
        }
    }
}
