using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a business merges two records of one customer: everything Customers held under
/// <see cref="MergedCustomerId"/> (purchases, visits, interactions, consent, activities) now belongs to
/// <see cref="SurvivorCustomerId"/>, and the merged record is archived for good, pointing at the survivor. Other
/// services re-point their own records (loyalty accounts, feedback, cases) from the merged id to the survivor.
/// </summary>
[MessageUrn("customers.customers-merged.v1")]
[EntityName("customers.customers-merged.v1")]
public sealed record CustomersMerged : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The customer that remains and now holds the merged customer's history.</summary>
    public required Guid SurvivorCustomerId { get; init; }

    /// <summary>The customer merged away: archived, kept only so old links resolve to the survivor.</summary>
    public required Guid MergedCustomerId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
