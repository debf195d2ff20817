using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by a service (<see cref="Service"/>: <c>feedback</c>, <c>loyalty</c>, <c>standards</c>) once it has
/// anonymised what it held about the customer named by a <see cref="CustomerErasureRequested"/>. One contract for
/// every service, so Customers tracks them all on one queue; a service may publish it more than once.
/// </summary>
[MessageUrn("customers.customer-erasure-completed.v1")]
[EntityName("customers.customer-erasure-completed.v1")]
public sealed record CustomerErasureCompleted : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The erasure request this answers.</summary>
    public required Guid ErasureId { get; init; }

    /// <summary>The customer whose personal data was erased.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The service that finished its part, by its short name (<c>feedback</c>, <c>loyalty</c>, <c>standards</c>).</summary>
    public required string Service { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
