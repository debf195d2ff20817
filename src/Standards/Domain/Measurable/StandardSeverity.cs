namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>A complaint's severity, as Feedback grades it; a complaint-time standard may hold only one severity to its target.</summary>
public enum StandardSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
