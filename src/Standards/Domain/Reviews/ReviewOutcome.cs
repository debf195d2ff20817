namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>
/// A review's decision: the policy version or standard version it led to, or the reason nothing changed. The
/// references are checked against the policy library and the standards before it is recorded.
/// </summary>
public sealed record ReviewOutcome(
    ReviewOutcomeKind Kind, Guid? PolicyId, int? PolicyVersion, Guid? StandardId, int? StandardVersion, string? Reason)
{
    public const int MaxReasonLength = 4000;

    public static ReviewOutcome NewPolicyVersion(Guid policyId, int version) => new(ReviewOutcomeKind.PolicyVersion, policyId, version, null, null, null);

    public static ReviewOutcome ChangedStandard(Guid standardId, int version) => new(ReviewOutcomeKind.StandardChange, null, null, standardId, version, null);

    public static ReviewOutcome NoChange(string reason) => new(ReviewOutcomeKind.NoChange, null, null, null, null, reason);
}
