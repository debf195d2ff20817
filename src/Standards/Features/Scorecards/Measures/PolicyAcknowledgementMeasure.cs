using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Features.Acknowledgements;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards.Measures;

/// <summary>
/// Policy acknowledgement rate: the branch's staff acknowledgement tasks as they stood at the end of the window (asked
/// before it ended), and the percentage acknowledged by then. Tasks still outstanding from earlier publications keep
/// counting: a policy nobody acknowledged does not stop mattering when a new period opens.
/// </summary>
public sealed class PolicyAcknowledgementMeasure(StandardsDbContext db) : IMetricMeasure
{
    public IReadOnlyCollection<string> Metrics { get; } = ["policy-acknowledgement-rate"];

    public async Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var end = query.Window.To;
        var tasks = db.PolicyAcknowledgements.AsNoTracking().Where(task => task.RequestedAt < end);
        if (query.Branches is { } branches)
        {
            tasks = tasks.Where(task => branches.Contains(task.Branch));
        }

        var counts = await AcknowledgementCounts.ByBranch(tasks, acknowledgedBefore: end).ToListAsync(cancellationToken);
        return [.. counts.Select(count => new BranchMeasurement(count.Branch, MetricArithmetic.Percent(count.Acknowledged, count.Requested), count.Requested, []))];
    }
}
