using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when what is left unspent of one credit reaches its expiry time and is taken off the balance;
/// once per credit (spending is oldest first, so the oldest points are the ones that expire). Public: third-party apps
/// may subscribe.
/// </summary>
[MessageUrn("loyalty.points-expired.v1")]
[EntityName("loyalty.points-expired.v1")]
public sealed record PointsExpired : ILoyaltyEvent
{
    /// <summary>Unique per event: the id of the ledger entry that records the expiry.</summary>
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry that records the expiry (type expire, source expiry).</summary>
    public required Guid EntryId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch where the expired points were earned, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The points that expired, positive: the part of the credit still unspent at its expiry time.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the expiry.</summary>
    public required long BalanceAfter { get; init; }

    /// <summary>The credit whose points expired (its ledger entry id, also the expiry entry's source id).</summary>
    public required Guid CreditEntryId { get; init; }

    /// <summary>When the expired points were earned (the credit's cause: the purchase, the bonus, the goodwill).</summary>
    public required DateTimeOffset EarnedAt { get; init; }

    /// <summary>When the points were due to expire; the expiry is posted at or shortly after this time.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
