namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>How the overdue worker polls and the overdue gauge refreshes (section <c>Standards:Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Standards:Compliance";

    /// <summary>How long the worker sleeps when no item has fallen due. Items fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many lapses one pass announces before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the overdue-items gauge is recounted.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
