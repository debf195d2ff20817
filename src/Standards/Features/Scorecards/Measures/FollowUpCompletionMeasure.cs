using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards.Measures;

/// <summary>
/// Follow-up completion: of the follow-ups due in the window and already due at <see cref="MetricQuery.Now"/>, the
/// percentage completed by their due time. One not yet due is still in the branch's hands, so it is not counted.
/// </summary>
public sealed class FollowUpCompletionMeasure(StandardsDbContext db) : IMetricMeasure
{
    public IReadOnlyCollection<string> Metrics { get; } = ["follow-up-completion"];

    public async Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, now) = (query.Window.From, query.Window.To, query.Now);
        var due = db.FollowUps.AsNoTracking().Where(followUp => followUp.DueAt >= from && followUp.DueAt < to && followUp.DueAt <= now);
        if (query.Branches is { } branches)
        {
            due = due.Where(followUp => branches.Contains(followUp.Branch));
        }

        var counts = await due
            .GroupBy(followUp => followUp.Branch)
            .Select(group => new
            {
                Branch = group.Key,
                Due = group.LongCount(),
                OnTime = group.LongCount(followUp => followUp.CompletedAt != null && followUp.CompletedAt <= followUp.DueAt),
            })
            .ToListAsync(cancellationToken);
        return [.. counts.Select(count => new BranchMeasurement(count.Branch, MetricArithmetic.Percent(count.OnTime, count.Due), count.Due, []))];
    }
}
