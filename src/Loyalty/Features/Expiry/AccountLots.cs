using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Expiry;

/// <summary>An account's lots (<see cref="PointLots"/>), read from its ledger in posting order: the one place they are loaded.</summary>
public static class AccountLots
{
    public static async Task<IReadOnlyList<PointLot>> LoadAsync(LoyaltyDbContext db, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.AccountId == accountId)
            .OrderBy(entry => entry.RecordedAt).ThenBy(entry => entry.Id)
            .Select(entry => new PointMovement(
                entry.Id,
                entry.Points,
                entry.RecordedAt,
                entry.OccurredAt,
                entry.ExpiresAt,
                entry.ExpiryNoticeAt,
                entry.Type == LedgerEntryType.Expire && entry.Source == LedgerSource.Expiry ? entry.SourceId : null,
                entry.Branch,
                entry.Type == LedgerEntryType.Redeem && entry.Source == LedgerSource.Redemption ? entry.SourceId : null,
                entry.Type == LedgerEntryType.Reverse && entry.Source == LedgerSource.RedemptionVoid ? entry.SourceId : null))
            .ToListAsync(cancellationToken);
        return PointLots.Of(ledger);
    }
}
