namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>Where a review action stands: from the failing it was opened for to the staff being told of the change.</summary>
public enum ReviewStatus
{
    /// <summary>Opened at period close; no outcome recorded yet.</summary>
    Open,

    /// <summary>A new policy version was recorded as the outcome; its acknowledgement tasks are still outstanding in the branch.</summary>
    Changed,

    /// <summary>The change reached the staff: every acknowledgement in the branch is in, or the standard's new terms are the change.</summary>
    Communicated,

    /// <summary>Reviewed, and nothing had to change.</summary>
    Closed,
}
