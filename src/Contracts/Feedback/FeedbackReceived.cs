using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback for every rating or feedback item it records.
/// Standards counts it in the branch's scorecard for the service period it falls in.
/// </summary>
[MessageUrn("feedback.feedback-received.v1")]
[EntityName("feedback.feedback-received.v1")]
public sealed record FeedbackReceived : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The feedback item's id.</summary>
    public required Guid FeedbackId { get; init; }

    /// <summary>The customer who gave the feedback, when known.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The branch code the feedback is about.</summary>
    public required string Branch { get; init; }

    /// <summary>Likelihood to recommend, 0 to 10 (the NPS question).</summary>
    public required int Rating { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
