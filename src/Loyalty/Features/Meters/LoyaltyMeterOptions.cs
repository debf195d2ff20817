namespace CustomerPlatform.Loyalty.Features.Meters;

/// <summary>How often the points gauges are refreshed (section <c>Loyalty:Meters</c>).</summary>
public sealed class LoyaltyMeterOptions
{
    public const string Section = "Loyalty:Meters";

    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
