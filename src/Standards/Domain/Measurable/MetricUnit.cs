namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>What a metric's values and targets are counted in.</summary>
public enum MetricUnit
{
    /// <summary>Minutes of business time on the branch's opening hours and holidays.</summary>
    BusinessMinutes,

    /// <summary>A score on the metric's own scale (NPS -100 to 100, CES 1 to 7).</summary>
    Score,

    /// <summary>A percentage, 0 to 100.</summary>
    Percent,

    /// <summary>How many per 100 purchases.</summary>
    PerHundredPurchases,

    /// <summary>An amount of the business's currency per 100 purchases.</summary>
    CurrencyPerHundredPurchases,
}
