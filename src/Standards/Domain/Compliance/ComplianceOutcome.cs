namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>What a check found: the requirement met, not met, or met in part.</summary>
public enum ComplianceOutcome
{
    Pass,
    Fail,
    Partial,
}
