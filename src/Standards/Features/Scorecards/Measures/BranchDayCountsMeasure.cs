using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards.Measures;

/// <summary>
/// The metrics computed from the daily counts per branch (<see cref="BranchDayCounts"/>): one query summing the
/// days whose UTC date falls in [From.Date, To.Date).
/// </summary>
public sealed class BranchDayCountsMeasure(StandardsDbContext db) : IMetricMeasure
{
    public IReadOnlyCollection<string> Metrics { get; } =
        ["nps", "csat", "ces", "survey-response-rate", "complaints-per-100-purchases", "compensation-cost-per-100-purchases"];

    public async Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = DateOnly.FromDateTime(query.Window.From.UtcDateTime);
        var to = DateOnly.FromDateTime(query.Window.To.UtcDateTime);
        var days = db.BranchDayCounts.AsNoTracking().Where(counts => counts.Day >= from && counts.Day < to);
        if (query.Branches is { } branches)
        {
            days = days.Where(counts => branches.Contains(counts.Branch));
        }

        var totals = await days
            .GroupBy(counts => counts.Branch)
            .Select(group => new Totals(
                group.Key,
                group.Sum(counts => (long)counts.Promoters),
                group.Sum(counts => (long)counts.Passives),
                group.Sum(counts => (long)counts.Detractors),
                group.Sum(counts => (long)counts.CsatAnswers),
                group.Sum(counts => (long)counts.CsatSatisfied),
                group.Sum(counts => (long)counts.CesAnswers),
                group.Sum(counts => (long)counts.CesTotal),
                group.Sum(counts => (long)counts.SurveyResponses),
                group.Sum(counts => (long)counts.SurveyInvitations),
                group.Sum(counts => (long)counts.Purchases),
                group.Sum(counts => (long)counts.ComplaintsOpened),
                group.Sum(counts => counts.CompensationAmount)))
            .ToListAsync(cancellationToken);

        // A branch with days of other facts only (purchases, say, for an NPS standard) has nothing to show: no row.
        return [.. totals.Select(branch => Measure(query.Metric, branch)).Where(line => line.Actual is not null)];
    }

    private static BranchMeasurement Measure(string metric, Totals totals)
    {
        var (actual, sample) = metric switch
        {
            "nps" => (NetPromoterScore.Compute(totals.Promoters, totals.Passives, totals.Detractors), totals.Responses),
            "csat" => (MetricArithmetic.Percent(totals.CsatSatisfied, totals.CsatAnswers), totals.CsatAnswers),
            "ces" => (MetricArithmetic.Average(totals.CesTotal, totals.CesAnswers), totals.CesAnswers),
            "survey-response-rate" => (MetricArithmetic.Percent(totals.SurveyResponses, totals.SurveyInvitations), totals.SurveyInvitations),
            "complaints-per-100-purchases" => (MetricArithmetic.PerHundred(totals.ComplaintsOpened, totals.Purchases), totals.Purchases),
            "compensation-cost-per-100-purchases" => (MetricArithmetic.PerHundred(totals.CompensationAmount, totals.Purchases), totals.Purchases),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a metric of the daily counts."),
        };
        return new BranchMeasurement(totals.Branch, actual, sample, []);
    }

    private sealed record Totals(
        string Branch,
        long Promoters,
        long Passives,
        long Detractors,
        long CsatAnswers,
        long CsatSatisfied,
        long CesAnswers,
        long CesTotal,
        long SurveyResponses,
        long SurveyInvitations,
        long Purchases,
        long ComplaintsOpened,
        decimal CompensationAmount)
    {
        public long Responses => Promoters + Passives + Detractors;
    }
}
