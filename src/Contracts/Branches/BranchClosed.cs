using MassTransit;

namespace CustomerPlatform.Contracts.Branches;

/// <summary>
/// Published by the gateway when a business closes a branch for good. Its history stays; nothing new should be
/// recorded for it.
/// </summary>
[MessageUrn("gateway.branch-closed.v1")]
[EntityName("gateway.branch-closed.v1")]
public sealed record BranchClosed : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The closed branch's code.</summary>
    public required string Code { get; init; }

    /// <summary>The branch's revision after closing (see <see cref="IBranchSnapshot.Revision"/>).</summary>
    public required int Revision { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
