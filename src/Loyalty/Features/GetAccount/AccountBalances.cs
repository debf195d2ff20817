using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.GetAccount;

/// <summary>
/// The parts of a balance: points earned but not yet available (an earn entry whose AvailableAt is still ahead) are
/// pending; the rest is spendable. The one place both are computed, so every view agrees.
/// </summary>
public static class AccountBalances
{
    public static async Task<long> PendingPointsAsync(LoyaltyDbContext db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.LedgerEntries
            .Where(entry => entry.AccountId == accountId && entry.Type == LedgerEntryType.Earn && entry.AvailableAt > now)
            .SumAsync(entry => entry.Points, cancellationToken);

    /// <summary>Pending points already spent or reversed cannot be spent twice: spendable never goes below zero.</summary>
    public static long Spendable(long balance, long pending) => Math.Max(0, balance - pending);
}
