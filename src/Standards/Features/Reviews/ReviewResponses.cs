using CustomerPlatform.Standards.Domain.Reviews;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>A staff suggestion of the review's branch in its period; its text is in Feedback, under the same id.</summary>
public sealed record ReviewSuggestionResponse(Guid FeedbackId, DateTimeOffset OccurredAt, IReadOnlyList<string> Tags);

/// <summary>What the review decided.</summary>
/// <param name="Kind">policyVersion, standardChange or noChange.</param>
public sealed record ReviewOutcomeResponse(
    ReviewOutcomeKind Kind, Guid? PolicyId, int? PolicyVersion, Guid? StandardId, int? StandardVersion, string? Reason, DateTimeOffset RecordedAt);

/// <summary>How far the change has reached the branch's staff.</summary>
/// <param name="Tasks">Acknowledgement tasks of the policy version in the review's branch (0 for a standard change).</param>
/// <param name="Acknowledged">How many of them are acknowledged.</param>
/// <param name="CommunicatedAt">When the last one came in (or the standard changed); absent while some are outstanding.</param>
public sealed record ReviewCommunicationResponse(int Tasks, int Acknowledged, DateTimeOffset? CommunicatedAt);

/// <summary>
/// A review action: the failing it was opened for (period, standard, branch, actual against target, the complaints
/// that breached it), who answers for it and by when, the staff suggestions of its branch in the period, and the
/// chain from outcome to communication.
/// </summary>
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
    decimal? Actual,
    decimal Target,
    IReadOnlyList<Guid> BreachedComplaintIds,
    string? Owner,
    DateOnly DueOn,
    bool Overdue,
    string? Notes,
    IReadOnlyList<ReviewSuggestionResponse> Suggestions,
    ReviewOutcomeResponse? Outcome,
    ReviewCommunicationResponse? Communication);

/// <summary>A page of reviews, oldest first.</summary>
public sealed record ReviewPageResponse(IReadOnlyList<ReviewResponse> Items, string? NextCursor);
