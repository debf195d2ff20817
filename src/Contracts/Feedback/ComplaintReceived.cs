using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when a complaint case is opened (status received). Standards starts the acknowledge and resolve clocks from it.
/// Carries no free text: descriptions and notes are personal data and stay in Feedback.
/// </summary>
[MessageUrn("feedback.complaint-received.v1")]
[EntityName("feedback.complaint-received.v1")]
public sealed record ComplaintReceived : IComplaintEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The complaint case's id.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The customer who complained, when known.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The branch code the complaint is about.</summary>
    public required string Branch { get; init; }

    /// <summary>The business's own category code.</summary>
    public required string Category { get; init; }

    /// <summary>low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>The case's status after this event: received, acknowledged, investigating, resolved, closed, reopened or escalated.</summary>
    public required string Status { get; init; }

    /// <summary>
    /// When the case is due to be acknowledged, on the branch's business hours (round the clock when the branch has
    /// none); absent from publishers that predate deadlines.
    /// </summary>
    public DateTimeOffset? AcknowledgeDueAt { get; init; }

    /// <summary>When the case is due to be resolved, on the same calendar; waiting on the customer later moves it.</summary>
    public DateTimeOffset? ResolveDueAt { get; init; }

    /// <summary>The version of the business's complaint targets the case pinned (0: the platform's default).</summary>
    public int? TargetsVersion { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
