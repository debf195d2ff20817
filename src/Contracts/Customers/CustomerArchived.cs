using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a business archives a customer: the record is kept (history, purchases) but is no
/// longer in lists, searches or segments, and takes no changes until restored (a <see cref="CustomerUpdated"/>
/// naming <c>archivedAt</c>).
/// </summary>
[MessageUrn("customers.customer-archived.v1")]
[EntityName("customers.customer-archived.v1")]
public sealed record CustomerArchived : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>Why, when the business said.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
