namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>How the period-close worker polls and the standards gauges refresh (section <c>Standards:ServicePeriods</c>).</summary>
public sealed class ServicePeriodOptions
{
    public const string Section = "Standards:ServicePeriods";

    /// <summary>How long the worker sleeps when no period is due to close. Periods fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many periods one pass closes before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How often the at-risk and breached standards gauges are recounted.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(60);
}
