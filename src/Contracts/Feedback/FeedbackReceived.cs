using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback for every feedback item it records (a plain rating, a compliment, suggestion, complaint or
/// question, from a customer or from staff), and for every survey response, entered or imported
/// (<see cref="Source"/> "survey"). Standards counts its <see cref="Rating"/> in the branch's scorecard for the
/// service period it falls in; an item or survey response without a likelihood-to-recommend answer has none.
/// </summary>
[MessageUrn("feedback.feedback-received.v1")]
[EntityName("feedback.feedback-received.v1")]
public sealed record FeedbackReceived : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The feedback item's id, or the survey response's id when <see cref="Source"/> is "survey".</summary>
    public required Guid FeedbackId { get; init; }

    /// <summary>The customer who gave the feedback, when known.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The branch code the feedback is about.</summary>
    public required string Branch { get; init; }

    /// <summary>
    /// Likelihood to recommend, 0 to 10 (the NPS question). Always present for a plain rating; for another kind of item,
    /// present when one was given; for a survey response, the answer to its NPS question, absent when the survey asks
    /// none or it was left unanswered.
    /// </summary>
    public int? Rating { get; init; }

    /// <summary>What was recorded: "rating" (a feedback item) or "survey" (a survey response); absent means "rating".</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The item's kind (feedback items only): "rating", "compliment", "suggestion", "complaint" or "question"; absent
    /// on events published before kinds existed, which were all ratings.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Who gave the item (feedback items only): "customer" or "staff".</summary>
    public string? From { get; init; }

    /// <summary>What the item is about (feedback items only): "branch", "product", "service" or "staffMember".</summary>
    public string? AboutType { get; init; }

    /// <summary>The branch code, product, service or staff member the item is about (feedback items only).</summary>
    public string? AboutReference { get; init; }

    /// <summary>
    /// How it reached the business, when known: "inPerson", "phone", "email", "web", "social" or "letter" (always
    /// present for survey responses).
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>The item's tags, lower case (feedback items only; empty or absent when it has none).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The survey answered (survey responses only).</summary>
    public Guid? SurveyId { get; init; }

    /// <summary>The published version of the survey answered, from 1 (survey responses only).</summary>
    public int? SurveyVersion { get; init; }

    /// <summary>The survey response's id (survey responses only; the same as <see cref="FeedbackId"/>).</summary>
    public Guid? ResponseId { get; init; }

    /// <summary>The NPS answer, 0 to 10, when the survey asks one (the same as <see cref="Rating"/>).</summary>
    public int? Nps { get; init; }

    /// <summary>The satisfaction (CSAT) answer, 1 to 5, when the survey asks one.</summary>
    public int? Csat { get; init; }

    /// <summary>The effort (CES) answer, 1 to 7, when the survey asks one.</summary>
    public int? Ces { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
