namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>Why a scheduled invitation was not sent when it fell due.</summary>
public enum SkipReason
{
    /// <summary>The customer was invited (to any survey) within the trigger's quiet period.</summary>
    QuietPeriod,

    /// <summary>The customer's consent allows none of the trigger's channels.</summary>
    NoConsent,

    /// <summary>The survey is archived, or no longer has a published version.</summary>
    SurveyClosed,

    /// <summary>The survey's published version is not meant for the branch.</summary>
    NotForBranch,

    /// <summary>The customer asked to be erased before it fell due.</summary>
    Erased,
}
