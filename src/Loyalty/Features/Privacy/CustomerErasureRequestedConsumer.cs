using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Privacy;

/// <summary>
/// Loyalty's part of an erasure. It keeps no names or contacts: an account holds the customer's id, points and the ids
/// of what earned them, which stay so the balance and every total remain correct (the id names no one once Customers
/// has anonymised the record). The free text on ledger entries (an adjustment's reason, who made it) and on redemptions
/// (why staff voided one) may name people, so it is blanked, and the birthday is forgotten (the bonus stops); then the
/// part is confirmed, once per request.
/// </summary>
public sealed class CustomerErasureRequestedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureRequested, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.erase-customer";

    protected override async Task HandleAsync(CustomerErasureRequested message, CancellationToken cancellationToken)
    {
        await Db.LedgerEntries
            .Where(entry => Db.Accounts.Any(account => account.Id == entry.AccountId && account.CustomerId == message.CustomerId))
            .Where(entry => entry.Reason != null || entry.Actor != null)
            .ExecuteUpdateAsync(entry => entry.SetProperty(e => e.Reason, (string?)null).SetProperty(e => e.Actor, (string?)null), cancellationToken);
        await Db.Redemptions
            .Where(redemption => redemption.CustomerId == message.CustomerId && redemption.VoidReason != null)
            .ExecuteUpdateAsync(redemption => redemption.SetProperty(r => r.VoidReason, (string?)null), cancellationToken);
        var account = await AccountLocks.LockForCustomerAsync(Db, message.TenantId, message.CustomerId, cancellationToken);
        account?.ForgetBirthday(message.OccurredAt);
        var now = Clock.GetUtcNow();
        Db.EnqueueEvent(new CustomerErasureCompleted
        {
            TenantId = message.TenantId,
            ErasureId = message.ErasureId,
            CustomerId = message.CustomerId,
            Service = "loyalty",
            OccurredAt = now,
        }, now);
    }
}
