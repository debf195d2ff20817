namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>The sums a group's scores are computed from; they add up across days, branches and surveys.</summary>
public readonly record struct ScoreTotals(
    long Responses,
    long Promoters,
    long Passives,
    long Detractors,
    long CsatAnswers,
    long CsatSatisfied,
    long CsatSum,
    long CesAnswers,
    long CesSum)
{
    public long NpsAnswers => Promoters + Passives + Detractors;

    /// <summary>Promoters (9-10) minus detractors (0-6) as a percentage of NPS answers, one decimal.</summary>
    public decimal? Nps => NpsAnswers == 0 ? null : Round((Promoters - Detractors) * 100m / NpsAnswers, 1);

    /// <summary>Share of CSAT answers that are 4 or 5, in percent, one decimal.</summary>
    public decimal? Csat => CsatAnswers == 0 ? null : Round(CsatSatisfied * 100m / CsatAnswers, 1);

    /// <summary>Mean CSAT answer (1-5), two decimals.</summary>
    public decimal? CsatMean => CsatAnswers == 0 ? null : Round((decimal)CsatSum / CsatAnswers, 2);

    /// <summary>Mean CES answer (1-7), two decimals.</summary>
    public decimal? Ces => CesAnswers == 0 ? null : Round((decimal)CesSum / CesAnswers, 2);

    private static decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
