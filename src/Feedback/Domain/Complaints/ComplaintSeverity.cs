namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>How serious the business judges the complaint to be.</summary>
public enum ComplaintSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
