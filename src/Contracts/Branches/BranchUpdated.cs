using MassTransit;

namespace CustomerPlatform.Contracts.Branches;

/// <summary>Published by the gateway when a branch's details change; carries the whole branch as it now is.</summary>
[MessageUrn("gateway.branch-updated.v1")]
[EntityName("gateway.branch-updated.v1")]
public sealed record BranchUpdated : IIntegrationEvent, IBranchSnapshot
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <inheritdoc />
    public required string Code { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <inheritdoc />
    public PostalAddress? Address { get; init; }

    /// <inheritdoc />
    public required string TimeZone { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<OpeningPeriod> OpeningHours { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Holiday> Holidays { get; init; }

    /// <summary>What changed, by JSON field name: <c>name</c>, <c>address</c>, <c>timeZone</c>, <c>openingHours</c>, <c>holidays</c>.</summary>
    public required IReadOnlyList<string> Changed { get; init; }

    /// <inheritdoc />
    public required int Revision { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
