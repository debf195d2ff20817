using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Expiry;

/// <summary>
/// The mark that a credit's coming expiry was announced (PointsExpiring): keyed by the credit's entry, so the notice
/// is given once per lot however often the worker passes.
/// </summary>
public sealed class ExpiryNotice : ITenantOwned
{
    private ExpiryNotice()
    {
    }

    /// <summary>The credit's ledger entry.</summary>
    public Guid EntryId { get; private init; }

    public Guid TenantId { get; private init; }
    public Guid AccountId { get; private init; }
    public DateTimeOffset NoticedAt { get; private init; }

    public static ExpiryNotice For(LoyaltyAccount account, PointLot lot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(lot);
        return new ExpiryNotice { EntryId = lot.EntryId, TenantId = account.TenantId, AccountId = account.Id, NoticedAt = now };
    }
}
