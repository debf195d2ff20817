using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty the program's notice period before one credit's points expire, while some of them are still
/// unspent; once per credit. Meant for reminders ("spend your points before..."): spending them before
/// <see cref="ExpiresAt"/> saves them. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.points-expiring.v1")]
[EntityName("loyalty.points-expiring.v1")]
public sealed record PointsExpiring : ILoyaltyEvent
{
    /// <summary>Unique per event.</summary>
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public int SchemaVersion { get; init; } = 1;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <inheritdoc />
    public required Guid AccountId { get; init; }

    /// <inheritdoc />
    public required Guid CustomerId { get; init; }

    /// <summary>The branch where the points were earned, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The points that will expire unless spent first: the part of the credit still unspent now.</summary>
    public required long Points { get; init; }

    /// <summary>The account's balance now (the expiring points are part of it).</summary>
    public required long Balance { get; init; }

    /// <summary>The credit whose points are expiring (its ledger entry id).</summary>
    public required Guid CreditEntryId { get; init; }

    /// <summary>When the points were earned.</summary>
    public required DateTimeOffset EarnedAt { get; init; }

    /// <summary>When what is left of them expires.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
