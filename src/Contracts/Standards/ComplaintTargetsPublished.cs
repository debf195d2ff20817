using MassTransit;

namespace CustomerPlatform.Contracts.Standards;

/// <summary>
/// Published by Standards whenever the set of a business's active complaint acknowledgement or resolution standards
/// changes (one is created, gets a new version or is retired). Carries the whole set in force, not the change, so the
/// newest event alone says what applies. Feedback stamps new complaints' due times from it; cases already open keep
/// the targets they pinned.
/// </summary>
[MessageUrn("standards.complaint-targets-published.v1")]
[EntityName("standards.complaint-targets-published.v1")]
public sealed record ComplaintTargetsPublished : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>
    /// Increases with every publication for the business. Events can arrive out of order: a consumer applies one only
    /// when its sequence is higher than any it has applied.
    /// </summary>
    public required long Sequence { get; init; }

    /// <summary>
    /// At most one row per kind and severity (severity absent: the default for every severity without its own row).
    /// Empty when the business no longer has any such standard: its own targets apply again.
    /// </summary>
    public required IReadOnlyList<PublishedComplaintTarget> Targets { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
