using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer's loyalty account is opened. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.account-opened.v1")]
[EntityName("loyalty.account-opened.v1")]
public sealed record LoyaltyAccountOpened : ILoyaltyEvent
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

    /// <summary>Not at a branch: accounts open when the customer registers.</summary>
    public string? Branch => null;

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
