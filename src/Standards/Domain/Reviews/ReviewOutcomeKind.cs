namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>What a review decided.</summary>
public enum ReviewOutcomeKind
{
    /// <summary>A new version of a policy, which staff then acknowledge.</summary>
    PolicyVersion,

    /// <summary>A changed standard (a new version of its terms, e.g. another target).</summary>
    StandardChange,

    /// <summary>Nothing changes; the reason says why.</summary>
    NoChange,
}
