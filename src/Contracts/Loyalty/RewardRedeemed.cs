using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer redeems a reward from the catalogue, beside the <see cref="PointsRedeemed"/>
/// of the same redemption. Public: third-party apps (reward partners, fulfilment) may subscribe.
/// </summary>
[MessageUrn("loyalty.reward-redeemed.v1")]
[EntityName("loyalty.reward-redeemed.v1")]
public sealed record RewardRedeemed : ILoyaltyEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the reward was redeemed.</summary>
    public required string Branch { get; init; }

    /// <summary>The redemption.</summary>
    public required Guid RedemptionId { get; init; }

    /// <summary>The redemption code the customer shows at the till.</summary>
    public required string Code { get; init; }

    /// <summary>The reward redeemed.</summary>
    public required Guid RewardId { get; init; }

    /// <summary>The reward's name at the time of redemption.</summary>
    public required string RewardName { get; init; }

    /// <summary>How many units were redeemed.</summary>
    public required int Quantity { get; init; }

    /// <summary>The points one unit cost.</summary>
    public required long CostPoints { get; init; }

    /// <summary>The points spent in all (quantity times cost).</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the spending.</summary>
    public required long BalanceAfter { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
