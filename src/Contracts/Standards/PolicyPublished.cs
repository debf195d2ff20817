using MassTransit;

namespace CustomerPlatform.Contracts.Standards;

/// <summary>
/// Published by Standards when a business publishes a version of one of its policies. A published version never
/// changes; the version it replaces (if any) is retired at the same moment. Measurable standards refer to a clause
/// of a policy by (<see cref="PolicyId"/>, clause key), which stays stable across versions.
/// </summary>
[MessageUrn("standards.policy-published.v1")]
[EntityName("standards.policy-published.v1")]
public sealed record PolicyPublished : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The policy's id.</summary>
    public required Guid PolicyId { get; init; }

    /// <summary>The number of the version published: 1 for the first, then one more each time.</summary>
    public required int Version { get; init; }

    /// <summary>The number of the version this one replaced, now retired; null for the first publication.</summary>
    public int? RetiredVersion { get; init; }

    /// <summary>The policy area's key, e.g. <c>complaints-handling</c>.</summary>
    public required string Area { get; init; }

    /// <summary>The policy's title.</summary>
    public required string Title { get; init; }

    /// <summary>The date from which the version applies.</summary>
    public required DateOnly EffectiveDate { get; init; }

    /// <summary>The keys of the version's numbered clauses, in order.</summary>
    public required IReadOnlyList<string> ClauseKeys { get; init; }

    /// <summary>Branch codes it applies to; empty means every branch.</summary>
    public required IReadOnlyList<string> Branches { get; init; }

    /// <summary>How many staff members were asked to acknowledge the version.</summary>
    public required int AcknowledgementsRequested { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
