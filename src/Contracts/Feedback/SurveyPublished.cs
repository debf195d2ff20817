using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when a business publishes a version of a survey template. The version's content never
/// changes afterwards, so a consumer may keep (survey id, version) as the identity of what customers are asked.
/// </summary>
[MessageUrn("feedback.survey-published.v1")]
[EntityName("feedback.survey-published.v1")]
public sealed record SurveyPublished : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The survey template's id.</summary>
    public required Guid SurveyId { get; init; }

    /// <summary>The number of the version published: 1 for the first, then one more each time.</summary>
    public required int Version { get; init; }

    /// <summary>What it measures: nps, csat, ces or custom.</summary>
    public required string Kind { get; init; }

    /// <summary>Branch codes it applies to; empty means every branch.</summary>
    public required IReadOnlyList<string> Branches { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
