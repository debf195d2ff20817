namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>
/// The divisions the rate and score metrics make, rounded to one decimal as NPS is; null when there is nothing to
/// divide by, which a scorecard shows as no data rather than as zero.
/// </summary>
public static class MetricArithmetic
{
    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>.</summary>
    public static decimal? Percent(decimal part, decimal whole) => PerHundred(part, whole);

    /// <summary>How much <paramref name="amount"/> there is for every 100 of <paramref name="whole"/>.</summary>
    public static decimal? PerHundred(decimal amount, decimal whole) => whole == 0 ? null : Round(amount * 100m / whole);

    public static decimal? Average(decimal total, decimal count) => count == 0 ? null : Round(total / count);

    private static decimal Round(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);
}
