using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer's tier changes: at once when a posting lifts their qualifying value over a
/// higher tier's threshold (up), and after the tier's downgrade grace when the value has stayed below their tier's
/// threshold (down: a refund, older activity leaving the rolling window, a program change). Once per change; a
/// customer who re-qualifies within the grace keeps their tier and nothing is published. Public: third-party apps
/// may subscribe.
/// </summary>
[MessageUrn("loyalty.tier-changed.v1")]
[EntityName("loyalty.tier-changed.v1")]
public sealed record TierChanged : ILoyaltyEvent
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

    /// <summary>Always null: a tier is the customer's across all branches.</summary>
    public string? Branch { get; init; }

    /// <summary>The code of the tier the customer had; null when they had none.</summary>
    public string? FromTier { get; init; }

    /// <summary>The code of the tier the customer has now; null when they have none any more.</summary>
    public string? ToTier { get; init; }

    /// <summary><c>up</c> (a higher tier, or a first one) or <c>down</c> (a lower tier, or none).</summary>
    public required string Direction { get; init; }

    /// <summary>
    /// The customer's qualifying value when the change was made: points earned (less their reversals) or money spent
    /// (less refunds) within the program's rolling window, per <see cref="Basis"/>.
    /// </summary>
    public required double QualifyingValue { get; init; }

    /// <summary><c>points</c> or <c>spend</c>: what the program's tier thresholds count.</summary>
    public required string Basis { get; init; }

    /// <summary>The loyalty program version whose tiers decided the change.</summary>
    public required int RuleVersion { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
