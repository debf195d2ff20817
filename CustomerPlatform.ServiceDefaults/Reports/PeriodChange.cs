namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>How a count moved against the previous period.</summary>
/// <param name="Absolute">Count minus previous count.</param>
/// <param name="Percent">The change as a percentage of the previous count, one decimal; null when the previous count was 0 (no base to compare with).</param>
public readonly record struct PeriodChange(long Absolute, decimal? Percent)
{
    public static PeriodChange Between(long count, long previousCount)
    {
        var absolute = count - previousCount;
        decimal? percent = previousCount == 0
            ? null
            : decimal.Round(absolute * 100m / previousCount, 1, MidpointRounding.AwayFromZero);
        return new PeriodChange(absolute, percent);
    }
}
