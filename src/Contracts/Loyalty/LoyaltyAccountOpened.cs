using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// Published by Loyalty when a customer's loyalty account is opened. Public: third-party apps may subscribe.
/// </summary>
[MessageUrn("loyalty.account-opened.v1")]
[EntityName("loyalty.account-opened.v1")]
public sealed record LoyaltyAccountOpened : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The loyalty account's id.</summary>
    public required Guid AccountId { get; init; }

    /// <summary>The customer the account belongs to.</summary>
    public required Guid CustomerId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
