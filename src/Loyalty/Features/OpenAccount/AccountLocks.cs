using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.OpenAccount;

/// <summary>
/// Loads an account for a posting under a row lock (<c>FOR UPDATE</c>, held to the end of the caller's transaction),
/// so postings to one account queue instead of failing on its row version (see PurchaseRecordedConsumer). Events
/// about a merged-away account follow it (<see cref="FollowMergesAsync"/>) to the account that took over its points.
/// </summary>
internal static class AccountLocks
{
    /// <summary>Hops followed at most; merges form short chains, and a cycle would be a bug, not a reason to spin.</summary>
    private const int MaxMergeHops = 16;

    public static async Task<LoyaltyAccount?> LockForCustomerAsync(LoyaltyDbContext db, Guid tenantId, Guid customerId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM accounts WHERE tenant_id = {tenantId} AND customer_id = {customerId} FOR UPDATE", cancellationToken);
        return await db.Accounts.FirstOrDefaultAsync(found => found.CustomerId == customerId, cancellationToken);
    }

    public static async Task<LoyaltyAccount?> LockAsync(LoyaltyDbContext db, Guid tenantId, Guid accountId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM accounts WHERE tenant_id = {tenantId} AND id = {accountId} FOR UPDATE", cancellationToken);
        var account = await db.Accounts.FirstOrDefaultAsync(found => found.Id == accountId, cancellationToken);
        return account is null ? null : await FollowMergesAsync(db, account, cancellationToken);
    }

    /// <summary>The account that now holds <paramref name="account"/>'s points, locked; itself when it was never merged.</summary>
    public static async Task<LoyaltyAccount> FollowMergesAsync(LoyaltyDbContext db, LoyaltyAccount account, CancellationToken cancellationToken)
    {
        for (var hop = 0; account.MergedIntoAccountId is { } next && hop < MaxMergeHops; hop++)
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM accounts WHERE tenant_id = {account.TenantId} AND id = {next} FOR UPDATE", cancellationToken);
            account = await db.Accounts.FirstAsync(found => found.Id == next, cancellationToken);
        }

        return account;
    }
}
