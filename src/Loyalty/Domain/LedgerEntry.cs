using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// One append-only line of an account's ledger. <see cref="SourceId"/> names what caused it (for a purchase,
/// the purchase id), and is unique per type, so the same cause can never be credited twice.
/// </summary>
public sealed class LedgerEntry : ITenantOwned
{
    private LedgerEntry()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid AccountId { get; private init; }
    public LedgerEntryType Type { get; private init; }
    public long Points { get; private init; }
    public long BalanceAfter { get; private init; }
    public Guid SourceId { get; private init; }
    public string? Branch { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    internal static LedgerEntry Create(LoyaltyAccount account, LedgerEntryType type, long points, Guid sourceId, string? branch, DateTimeOffset occurredAt, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = account.TenantId,
            AccountId = account.Id,
            Type = type,
            Points = points,
            BalanceAfter = account.Balance,
            SourceId = sourceId,
            Branch = branch,
            OccurredAt = occurredAt,
            RecordedAt = now,
        };
}
