using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.OpenAccount;

/// <summary>
/// Finds a customer's account, opening it when it does not exist yet. Events arrive on separate queues, so a
/// purchase may be consumed before its customer's registration: whichever comes first opens the account, and
/// a race between them ends in a unique violation that the retry resolves.
/// </summary>
internal static class AccountBook
{
    public static async Task<LoyaltyAccount> GetOrOpenAsync(LoyaltyDbContext db, Guid tenantId, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(account => account.CustomerId == customerId, cancellationToken);
        if (account is not null)
        {
            return account;
        }

        return Open(db, tenantId, customerId, now);
    }

    /// <summary>Opens an account for a customer who has none (the caller has looked), with its event.</summary>
    public static LoyaltyAccount Open(LoyaltyDbContext db, Guid tenantId, Guid customerId, DateTimeOffset now)
    {
        var account = LoyaltyAccount.Open(tenantId, customerId, now);
        db.Accounts.Add(account);
        db.EnqueueEvent(new LoyaltyAccountOpened
        {
            TenantId = tenantId,
            EventId = Guid.CreateVersion7(now),
            AccountId = account.Id,
            CustomerId = customerId,
            OccurredAt = now,
        }, now);
        return account;
    }
}
