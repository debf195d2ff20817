using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when points are credited to an account. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.points-earned.v1")]
[EntityName("loyalty.points-earned.v1")]
public sealed record PointsEarned : ILoyaltyEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry that records the credit.</summary>
    public required Guid EntryId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the points were earned.</summary>
    public string? Branch { get; init; }

    /// <summary>What earned them: purchase, firstPurchase, feedbackResponse, referral, birthday or compensation.</summary>
    public required string Source { get; init; }

    /// <summary>The version of the business's loyalty program whose rules computed the points (0: the built-in default).</summary>
    public required int RuleVersion { get; init; }

    /// <summary>The points credited.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the credit.</summary>
    public required long BalanceAfter { get; init; }

    /// <summary>
    /// The id of what earned the points (for a purchase, the purchase id; for goodwill, the approved compensation; for a
    /// referral, the referred customer; for a birthday, an id standing for the account and the year).
    /// </summary>
    public required Guid SourceId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>For goodwill (source compensation), the complaint it compensates; <see cref="SourceId"/> is the compensation.</summary>
    public Guid? ComplaintId { get; init; }
}
