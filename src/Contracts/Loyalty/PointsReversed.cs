using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when an earlier posting is undone: the points of a refunded purchase, or a voided
/// redemption given back. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.points-reversed.v1")]
[EntityName("loyalty.points-reversed.v1")]
public sealed record PointsReversed : ILoyaltyEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry that records the reversal.</summary>
    public required Guid EntryId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <inheritdoc />
    public string? Branch { get; init; }

    /// <summary>What was undone: refund (a refunded purchase's points) or redemptionVoid (a voided redemption's points given back).</summary>
    public required string Source { get; init; }

    /// <summary>The id of what caused the reversal: the refund's id, or the voided redemption's id.</summary>
    public required Guid SourceId { get; init; }

    /// <summary>The points moved, signed: negative when taken back (refund), positive when given back (void).</summary>
    public required long Points { get; init; }

    /// <summary>
    /// Points a refund could not take back because they were already spent: the balance stops at zero and the
    /// rest is recorded here. Zero otherwise.
    /// </summary>
    public required long Shortfall { get; init; }

    /// <summary>The account's balance after the reversal.</summary>
    public required long BalanceAfter { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
