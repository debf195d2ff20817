namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Which clock a target published by Standards is for.</summary>
public enum ComplaintClockKind
{
    Acknowledge,
    Resolve,
}

/// <summary>One target as Standards publishes it: one clock, one severity (null: the default), from one standard version.</summary>
public sealed record StandardComplaintTarget(ComplaintClockKind Kind, ComplaintSeverity? Severity, int WithinMinutes, StandardReference Standard);
