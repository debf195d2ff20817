using MassTransit;

namespace CustomerPlatform.Contracts.Branches;

/// <summary>
/// Published by the gateway when a business registers a branch. Carries the whole branch, so a service can keep
/// its own branch directory from these events alone (Standards runs business-hours clocks on it).
/// </summary>
[MessageUrn("gateway.branch-registered.v1")]
[EntityName("gateway.branch-registered.v1")]
public sealed record BranchRegistered : IIntegrationEvent, IBranchSnapshot
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

    /// <inheritdoc />
    public required int Revision { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
