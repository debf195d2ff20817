namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>How the tier worker polls (section <c>Loyalty:Tiers</c>).</summary>
public sealed class TierOptions
{
    public const string Section = "Loyalty:Tiers";

    /// <summary>How long the worker sleeps when nothing is due. Window roll-offs and graces fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many accounts one pass evaluates before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
