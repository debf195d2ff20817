namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>How the at-risk worker polls (section <c>Loyalty:AtRisk</c>).</summary>
public sealed class AtRiskOptions
{
    public const string Section = "Loyalty:AtRisk";

    /// <summary>How long the worker sleeps when no lapse is due. Customers fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many lapses one pass announces before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
