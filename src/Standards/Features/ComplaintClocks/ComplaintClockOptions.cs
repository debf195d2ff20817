namespace CustomerPlatform.Standards.Features.ComplaintClocks;

/// <summary>How the complaint deadline worker polls (section <c>Standards:ComplaintClocks</c>).</summary>
public sealed class ComplaintClockOptions
{
    public const string Section = "Standards:ComplaintClocks";

    /// <summary>How long the worker sleeps when nothing is due: how late, at most, a warning or breach is found.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many deadlines one pass checks before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
