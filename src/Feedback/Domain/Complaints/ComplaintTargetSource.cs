namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Where a version of a business's complaint targets came from.</summary>
public enum ComplaintTargetSource
{
    /// <summary>The platform's own default (version 0), in force until the business sets any; never stored.</summary>
    PlatformDefault,

    /// <summary>Set by the business through <c>PUT /complaint-targets</c>.</summary>
    BusinessDefault,

    /// <summary>Published by the Standards service from one of the business's standards (not yet sent).</summary>
    Standard,
}
