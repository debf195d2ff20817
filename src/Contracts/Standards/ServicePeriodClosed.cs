using MassTransit;

namespace CustomerPlatform.Contracts.Standards;

/// <summary>
/// Published by Standards once when a service period closes and its scorecard is frozen: every active standard held
/// against every branch in its scope over the period. A late fact never changes a closed period.
/// </summary>
[MessageUrn("standards.service-period-closed.v1")]
[EntityName("standards.service-period-closed.v1")]
public sealed record ServicePeriodClosed : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The period's id.</summary>
    public required Guid PeriodId { get; init; }

    /// <summary><c>week</c>, <c>month</c> or <c>quarter</c>.</summary>
    public required string Length { get; init; }

    /// <summary>The period's first day (UTC).</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The day after the period's last day (UTC): the period is [Start, End).</summary>
    public required DateOnly End { get; init; }

    /// <summary>The frozen scorecard, one result per standard per branch.</summary>
    public required IReadOnlyList<ServicePeriodResult> Results { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One standard held against one branch over a closed period.</summary>
public sealed record ServicePeriodResult
{
    /// <summary>The standard's id.</summary>
    public required Guid StandardId { get; init; }

    /// <summary>The version of the standard's terms it was held to.</summary>
    public required int StandardVersion { get; init; }

    /// <summary>The metric's catalogue code, e.g. <c>nps</c> or <c>complaint-resolution-time</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The branch code.</summary>
    public required string Branch { get; init; }

    /// <summary>The measured value, in the metric's unit; null when there was nothing to measure.</summary>
    public decimal? Actual { get; init; }

    /// <summary>The target of that version, in the metric's unit.</summary>
    public required decimal Target { get; init; }

    /// <summary><c>atMost</c> or <c>atLeast</c>.</summary>
    public required string Comparator { get; init; }

    /// <summary><c>met</c>, <c>atRisk</c> (both passed), <c>breached</c> (failed) or <c>noData</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Whether the standard failed in this branch: the outcome is <c>breached</c>.</summary>
    public required bool Failed { get; init; }

    /// <summary>The complaints that breached it, for complaint-time standards (at most the first 100).</summary>
    public required IReadOnlyList<Guid> BreachedComplaintIds { get; init; }
}
