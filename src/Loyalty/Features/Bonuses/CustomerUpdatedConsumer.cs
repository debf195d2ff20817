using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>
/// Keeps the account's birthday as Customers last published it. Every update carries the current birthday, so the
/// latest update wins whatever it changed; an older one arriving late changes nothing.
/// </summary>
public sealed class CustomerUpdatedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerUpdated, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.customer-birthday";

    protected override async Task HandleAsync(CustomerUpdated message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        // An update may overtake the registration: whichever comes first opens the account (AccountBook).
        var account = await AccountLocks.LockForCustomerAsync(Db, message.TenantId, message.CustomerId, cancellationToken)
            ?? AccountBook.Open(Db, message.TenantId, message.CustomerId, now);
        account.RecordBirthday(Birthday.Parse(message.Birthday), message.OccurredAt, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
