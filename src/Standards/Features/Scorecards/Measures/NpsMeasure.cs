using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards.Measures;

/// <summary>
/// NPS from the monthly counts <c>FeedbackReceivedConsumer</c> keeps. Months wholly inside the window only:
/// a placeholder until the counts are kept per day.
/// </summary>
public sealed class NpsMeasure(StandardsDbContext db) : IMetricMeasure
{
    public IReadOnlyCollection<string> Metrics { get; } = ["nps"];

    public async Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = DateOnly.FromDateTime(query.Window.From.UtcDateTime);
        var to = DateOnly.FromDateTime(query.Window.To.UtcDateTime);
        var rows = db.BranchPeriodScores.AsNoTracking().Where(score => score.PeriodStart >= from && score.PeriodStart < to);
        if (query.Branches is { } branches)
        {
            rows = rows.Where(score => branches.Contains(score.Branch));
        }

        var counts = await rows
            .GroupBy(score => score.Branch)
            .Select(group => new
            {
                Branch = group.Key,
                Promoters = group.Sum(score => score.Promoters),
                Passives = group.Sum(score => score.Passives),
                Detractors = group.Sum(score => score.Detractors),
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. counts.Select(count => new BranchMeasurement(
                count.Branch,
                NetPromoterScore.Compute(count.Promoters, count.Passives, count.Detractors),
                count.Promoters + count.Passives + count.Detractors,
                [])),
        ];
    }
}
