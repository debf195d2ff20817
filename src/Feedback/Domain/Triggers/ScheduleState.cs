namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>Where a scheduled invitation stands.</summary>
public enum ScheduleState
{
    Pending,
    Sent,
    Skipped,
}
