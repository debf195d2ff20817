using MassTransit;

namespace CustomerPlatform.Contracts.Standards;

/// <summary>
/// Published by Standards when a compliance item's next check falls due without having been made: once per due
/// time, found by a background worker as the time passes. A check (or a new due date) ends the lapse; if the new due
/// time passes too, it is published again.
/// </summary>
[MessageUrn("standards.compliance-check-overdue.v1")]
[EntityName("standards.compliance-check-overdue.v1")]
public sealed record ComplianceCheckOverdue : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The compliance item's id.</summary>
    public required Guid ItemId { get; init; }

    /// <summary>The item's title, as the business wrote it.</summary>
    public required string Title { get; init; }

    /// <summary>consumerGuarantees, fairTrading, privacy, healthAndSafety or other.</summary>
    public required string Category { get; init; }

    /// <summary>Who is responsible for the check.</summary>
    public required string Owner { get; init; }

    /// <summary>Branch codes the item applies to; empty means every branch.</summary>
    public required IReadOnlyList<string> Branches { get; init; }

    /// <summary>When the check was due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When the item was last checked; null when it never was.</summary>
    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>When Standards found the item overdue.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
