using MassTransit;

namespace CustomerPlatform.Contracts.Standards;

/// <summary>
/// Published by Standards when a complaint clock passes the warning threshold of a complaint-time standard while still
/// running: a warning before <see cref="StandardBreached"/>, once per complaint, standard and clock.
/// Carries no personal data: the complaint is named by its id only.
/// </summary>
[MessageUrn("standards.standard-at-risk.v1")]
[EntityName("standards.standard-at-risk.v1")]
public sealed record StandardAtRisk : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The measurable standard's id.</summary>
    public required Guid StandardId { get; init; }

    /// <summary>The version of the standard's terms the complaint's deadline was set by (pinned when the complaint opened).</summary>
    public required int StandardVersion { get; init; }

    /// <summary>The metric code: complaint-acknowledgement-time or complaint-resolution-time.</summary>
    public required string Metric { get; init; }

    /// <summary>The branch code the complaint is about.</summary>
    public required string Branch { get; init; }

    /// <summary>The complaint case's id (in Feedback).</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>Which clock: acknowledgement, resolution (from the complaint opening) or reopenedResolution (from a reopen).</summary>
    public required string Clock { get; init; }

    /// <summary>When the clock was due to stop under the standard's target, on the branch's business hours.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When the warning was found: at or soon after the warning time.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
