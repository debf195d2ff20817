using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a business registers a new customer.
/// Loyalty opens the customer's account on it.
/// </summary>
[MessageUrn("customers.customer-registered.v1")]
[EntityName("customers.customer-registered.v1")]
public sealed record CustomerRegistered : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The new customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The name the business knows the customer by.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The customer's home branch code, when the business named one.</summary>
    public string? HomeBranch { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
