using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers once every service has completed the erasure of a customer's personal data, for third
/// parties to erase their own copies. Only the ids remain: the customer record is anonymised and refuses changes.
/// </summary>
[MessageUrn("customers.customer-erased.v1")]
[EntityName("customers.customer-erased.v1")]
public sealed record CustomerErased : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The erasure request that finished.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>The erased customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>When the erasure was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
