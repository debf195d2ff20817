using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when an account's points are adjusted outside the earn and redeem rules: a correction by
/// staff, or the move of a balance when two customers are merged (a debit on the merged-away account and a credit on
/// the survivor's). Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.points-adjusted.v1")]
[EntityName("loyalty.points-adjusted.v1")]
public sealed record PointsAdjusted : ILoyaltyEvent
{
    /// <summary>Unique per event (the ledger entry's id), the same however often it is delivered.</summary>
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry that records the adjustment.</summary>
    public required Guid EntryId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code the adjustment was made for, when it was made for one.</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// Why the points moved: adjustment (staff), merge (credited from a merged-away account) or mergedAway (debited
    /// to the surviving account).
    /// </summary>
    public required string Source { get; init; }

    /// <summary>
    /// The id of what caused it: for an adjustment, the adjustment's own id; for a merge or mergedAway, the id of
    /// the merged-away account.
    /// </summary>
    public required Guid SourceId { get; init; }

    /// <summary>The points moved, signed: positive credits, negative debits.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the adjustment.</summary>
    public required long BalanceAfter { get; init; }

    /// <summary>Why, as staff wrote it (up to 500 characters), or what the merge did.</summary>
    public required string Reason { get; init; }

    /// <summary>Who made it: the API key id for staff adjustments, <c>system</c> for merges.</summary>
    public required string Actor { get; init; }

    /// <summary>For a merge, the other customer: the merged-away one on the survivor's credit, the survivor on the debit.</summary>
    public Guid? RelatedCustomerId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
