namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Which calendar a case's due times run on.</summary>
public enum ComplaintClock
{
    /// <summary>The branch's opening hours and holidays, from the branch directory.</summary>
    BranchHours,

    /// <summary>Round the clock: the branch was unknown, or had no opening hours, when the case opened.</summary>
    AlwaysOpen,
}
