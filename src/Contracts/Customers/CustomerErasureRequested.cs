using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a business asks for a customer's personal data to be erased. Customers has already
/// anonymised its own record; every service holding data about the customer anonymises it too (keeping amounts,
/// counts and scores so aggregates stay correct) and answers with <see cref="CustomerErasureCompleted"/>.
/// </summary>
[MessageUrn("customers.customer-erasure-requested.v1")]
[EntityName("customers.customer-erasure-requested.v1")]
public sealed record CustomerErasureRequested : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The erasure request's id, echoed by each <see cref="CustomerErasureCompleted"/>.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>The customer whose personal data is erased.</summary>
    public required Guid CustomerId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
