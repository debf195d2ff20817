using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a customer's marketing consent for a channel changes (granted where it was not, or
/// withdrawn). Feedback only invites customers whose consent allows the channel; third-party mailers stop on it.
/// </summary>
[MessageUrn("customers.customer-consent-changed.v1")]
[EntityName("customers.customer-consent-changed.v1")]
public sealed record CustomerConsentChanged : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The channel: <c>email</c>, <c>sms</c>, <c>phone</c> or <c>post</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>True when consent is now given, false when withdrawn.</summary>
    public required bool Granted { get; init; }

    /// <summary>Where it was given or withdrawn: a branch code, "web form", "phone call"...</summary>
    public required string Source { get; init; }

    /// <summary>When the customer gave or withdrew it.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
