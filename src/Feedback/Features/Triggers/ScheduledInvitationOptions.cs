namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>How the scheduled-invitation worker polls (section <c>Feedback:Triggers</c>).</summary>
public sealed class ScheduledInvitationOptions
{
    public const string Section = "Feedback:Triggers";

    /// <summary>How long the worker sleeps when nothing is due. Rows fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many due rows one pass takes before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
