namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Where a version of a business's complaint targets came from.</summary>
public enum ComplaintTargetSource
{
    /// <summary>
    /// The platform's own default (version 0), in force until the business sets any; stored only when Standards stops
    /// setting the targets of a business that never set its own.
    /// </summary>
    PlatformDefault,

    /// <summary>Set by the business through <c>PUT /complaint-targets</c>.</summary>
    BusinessDefault,

    /// <summary>
    /// Published by the Standards service from the business's complaint-time standards (each row names the standard
    /// versions it comes from). While in force, <c>PUT /complaint-targets</c> is refused: the standards govern.
    /// </summary>
    Standard,
}
