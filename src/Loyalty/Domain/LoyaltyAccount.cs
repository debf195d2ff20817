using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>A customer's loyalty account; its balance is always the sum of its ledger.</summary>
public sealed class LoyaltyAccount : ITenantOwned
{
    private LoyaltyAccount()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public long Balance { get; private set; }
    public long LifetimePoints { get; private set; }
    public DateTimeOffset OpenedAt { get; private init; }

    /// <summary>Row version (xmin): concurrent credits to one account serialise through it.</summary>
    public uint Version { get; private set; }

    public static LoyaltyAccount Open(Guid tenantId, Guid customerId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            OpenedAt = now,
        };

    /// <summary>Credits earned points and returns the ledger entry that records them.</summary>
    public LedgerEntry Earn(long points, Guid sourceId, string? branch, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (points <= 0)
        {
            throw new DomainException("invalid-points", "Earned points must be positive.");
        }

        Balance = checked(Balance + points);
        LifetimePoints = checked(LifetimePoints + points);
        return LedgerEntry.Create(this, LedgerEntryType.Earn, points, sourceId, branch, occurredAt, now);
    }
}
