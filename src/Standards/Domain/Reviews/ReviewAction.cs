using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>
/// The review a standard that failed in a branch over a closed period calls for: the failing's facts as frozen at
/// close, who answers for the review and by when, and its outcome, which links the failing to the change and to the
/// moment the staff were told (<see cref="CommunicatedAt"/>). One per (period, standard, branch).
/// </summary>
public sealed class ReviewAction : ITenantOwned
{
    public const int MaxOwnerLength = 200;
    public const int MaxNotesLength = 4000;
    public const int MaxBranchLength = 50;
    public const int MaxMetricLength = 50;

    /// <summary>How long after the period's end a review is due unless someone sets another date.</summary>
    public const int DaysToReview = 14;

    private ReviewAction()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid PeriodId { get; private init; }
    public DateOnly PeriodStart { get; private init; }

    /// <summary>The day after the period's last day: the period is [start, end).</summary>
    public DateOnly PeriodEnd { get; private init; }

    public Guid StandardId { get; private init; }
    public int StandardVersion { get; private init; }
    public string Metric { get; private init; } = "";
    public string Branch { get; private init; } = "";
    public decimal? Actual { get; private init; }
    public decimal Target { get; private init; }
    public List<Guid> BreachedComplaintIds { get; private init; } = [];

    public ReviewStatus Status { get; private set; }
    public string? Owner { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string? Notes { get; private set; }

    public ReviewOutcomeKind? OutcomeKind { get; private set; }
    public Guid? OutcomePolicyId { get; private set; }
    public int? OutcomePolicyVersion { get; private set; }
    public Guid? OutcomeStandardId { get; private set; }
    public int? OutcomeStandardVersion { get; private set; }
    public string? OutcomeReason { get; private set; }
    public DateTimeOffset? OutcomeRecordedAt { get; private set; }
    public DateTimeOffset? CommunicatedAt { get; private set; }

    public DateTimeOffset OpenedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag, so two reviewers cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public ReviewOutcome? Outcome => OutcomeKind is { } kind
        ? new ReviewOutcome(kind, OutcomePolicyId, OutcomePolicyVersion, OutcomeStandardId, OutcomeStandardVersion, OutcomeReason)
        : null;

    /// <summary>Whether the review is still open after its due date (in UTC days).</summary>
    public bool IsOverdueOn(DateOnly today) => Status == ReviewStatus.Open && DueOn < today;

    /// <summary>Opens the review of a failing, due <see cref="DaysToReview"/> days after the period ends, with no owner yet.</summary>
    public static ReviewAction Open(Guid tenantId, ReviewedFailing failing, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        PeriodId = failing.PeriodId,
        PeriodStart = failing.PeriodStart,
        PeriodEnd = failing.PeriodEnd,
        StandardId = failing.StandardId,
        StandardVersion = failing.StandardVersion,
        Metric = failing.Metric,
        Branch = failing.Branch,
        Actual = failing.Actual,
        Target = failing.Target,
        BreachedComplaintIds = [.. failing.BreachedComplaintIds],
        Status = ReviewStatus.Open,
        DueOn = failing.PeriodEnd.AddDays(DaysToReview),
        OpenedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Changes who answers for the review, its due date and notes; a null leaves that one as it is. False when nothing differs.</summary>
    public bool Change(string? owner, DateOnly? dueOn, string? notes, DateTimeOffset now)
    {
        var newOwner = owner is null ? Owner : Blank(owner);
        var newDueOn = dueOn ?? DueOn;
        var newNotes = notes is null ? Notes : Blank(notes);
        if (newOwner == Owner && newDueOn == DueOn && newNotes == Notes)
        {
            return false;
        }

        Owner = newOwner;
        DueOn = newDueOn;
        Notes = newNotes;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Records the decision, once (409 <c>review-outcome-recorded</c> after that). A new policy version leaves the review
    /// changed until <paramref name="policyAcknowledged"/>, when every acknowledgement of the branch is in; a standard
    /// change is communicated at once (its new terms are what the branch is held to); no change closes it.
    /// </summary>
    public void RecordOutcome(ReviewOutcome outcome, bool policyAcknowledged, DateTimeOffset now)
    {
        EnsureUndecided();
        OutcomeKind = outcome.Kind;
        OutcomePolicyId = outcome.PolicyId;
        OutcomePolicyVersion = outcome.PolicyVersion;
        OutcomeStandardId = outcome.StandardId;
        OutcomeStandardVersion = outcome.StandardVersion;
        OutcomeReason = outcome.Reason;
        OutcomeRecordedAt = now;
        UpdatedAt = now;
        Status = outcome.Kind switch
        {
            ReviewOutcomeKind.PolicyVersion => ReviewStatus.Changed,
            ReviewOutcomeKind.StandardChange => ReviewStatus.Communicated,
            _ => ReviewStatus.Closed,
        };
        if (Status == ReviewStatus.Communicated || (Status == ReviewStatus.Changed && policyAcknowledged))
        {
            MarkCommunicated(now);
        }
    }

    /// <summary>409 <c>review-outcome-recorded</c> once the review has decided.</summary>
    public void EnsureUndecided()
    {
        if (OutcomeKind is { } recorded)
        {
            throw new DomainException(
                "review-outcome-recorded",
                $"The review's outcome is already recorded ({WireNames.Of(recorded)}); a review decides once.",
                DomainErrorKind.Conflict);
        }
    }

    /// <summary>The change has reached the staff (the acknowledgement path does the same in SQL: ReviewCommunication).</summary>
    private void MarkCommunicated(DateTimeOffset now)
    {
        if (CommunicatedAt is not null || OutcomeKind is ReviewOutcomeKind.NoChange or null)
        {
            return;
        }

        Status = ReviewStatus.Communicated;
        CommunicatedAt = now;
        UpdatedAt = now;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
