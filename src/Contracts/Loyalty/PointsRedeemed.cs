using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer spends points, on a reward or as a discount; every redemption publishes one.
/// Public: third-party apps may subscribe. A void later publishes <see cref="PointsReversed"/> with the same redemption id.
/// </summary>
[MessageUrn("loyalty.points-redeemed.v1")]
[EntityName("loyalty.points-redeemed.v1")]
public sealed record PointsRedeemed : ILoyaltyEvent
{
    /// <summary>Unique per event: the id of the ledger entry that records the spending.</summary>
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry that records the spending.</summary>
    public required Guid EntryId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the points were redeemed.</summary>
    public required string Branch { get; init; }

    /// <summary>The redemption.</summary>
    public required Guid RedemptionId { get; init; }

    /// <summary>The redemption code the customer shows at the till, e.g. "K7Q2M-XH9PA".</summary>
    public required string Code { get; init; }

    /// <summary>The reward redeemed; null when the points were taken as a discount.</summary>
    public Guid? RewardId { get; init; }

    /// <summary>The points spent, positive.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the spending.</summary>
    public required long BalanceAfter { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
