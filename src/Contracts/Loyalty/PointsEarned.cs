using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when points are credited to an account. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.points-earned.v1")]
[EntityName("loyalty.points-earned.v1")]
public sealed record PointsEarned : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The ledger entry's id; unique, so a subscriber can de-duplicate on it.</summary>
    public required Guid EntryId { get; init; }

    /// <summary>The loyalty account credited.</summary>
    public required Guid AccountId { get; init; }

    /// <summary>The customer the account belongs to.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the points were earned.</summary>
    public string? Branch { get; init; }

    /// <summary>The points credited.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance after the credit.</summary>
    public required long BalanceAfter { get; init; }

    /// <summary>The id of the event that earned the points (for a purchase, the purchase id).</summary>
    public required Guid SourceId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
