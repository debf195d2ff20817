using System.Text.Json.Serialization;
using CustomerPlatform.Standards.Domain.Reviews;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>A staff suggestion of the review's branch in its period; its text is in Feedback, under the same id.</summary>
public sealed record ReviewSuggestionResponse(Guid FeedbackId, DateTimeOffset OccurredAt, IReadOnlyList<string> Tags);

/// <summary>What the review decided.</summary>
/// <param name="Kind">policyVersion, standardChange or noChange.</param>
public sealed record ReviewOutcomeResponse(
    ReviewOutcomeKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? PolicyId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? PolicyVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? StandardId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? StandardVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reason,
    DateTimeOffset RecordedAt);

/// <summary>How far the change has reached the branch's staff.</summary>
/// <param name="Tasks">Acknowledgement tasks of the policy version in the review's branch (0 for a standard change).</param>
/// <param name="Acknowledged">How many of them are acknowledged.</param>
/// <param name="CommunicatedAt">When the last one came in (or the standard changed); null while some are outstanding.</param>
public sealed record ReviewCommunicationResponse(int Tasks, int Acknowledged, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? CommunicatedAt);

/// <summary>
/// A review action: the failing it was opened for (period, standard, branch, actual against target, the complaints
/// that breached it), who answers for it and by when, the staff suggestions of its branch in the period, and the
/// chain from outcome to communication.
/// </summary>
/// <remarks>Unlike most platform resources its empty fields are written as null, so the review always has the same shape.</remarks>
/// <param name="Status">open, changed, communicated or closed.</param>
/// <param name="PeriodEnd">The day after the period's last day.</param>
/// <param name="Overdue">Still open after its due date.</param>
/// <param name="Outcome">Absent until the review decides.</param>
/// <param name="Communication">Absent unless the outcome changed a policy or a standard.</param>
public sealed record ReviewResponse(
    Guid Id,
    ReviewStatus Status,
    Guid PeriodId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid StandardId,
    int StandardVersion,
    string Metric,
    string Branch,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Actual,
    decimal Target,
    IReadOnlyList<Guid> BreachedComplaintIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Owner,
    DateOnly DueOn,
    bool Overdue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Notes,
    IReadOnlyList<ReviewSuggestionResponse> Suggestions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ReviewOutcomeResponse? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ReviewCommunicationResponse? Communication);

/// <summary>A page of reviews, oldest first.</summary>
public sealed record ReviewPageResponse(IReadOnlyList<ReviewResponse> Items, string? NextCursor);
