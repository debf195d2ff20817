using System.Globalization;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards.Measures;

/// <summary>
/// Complaint acknowledgement and resolution time from the complaint clocks: for the complaints opened in the window,
/// the longest business time to acknowledge or to first resolution (waits on the customer excluded; a clock still
/// running counts up to now or the window's end), with the complaints that breached the standard named.
/// </summary>
public sealed class ComplaintTimeMeasure(StandardsDbContext db) : IMetricMeasure
{
    /// <summary>How many breaching complaints a line names; the rest still count in its sample and outcome.</summary>
    public const int MaxNamedFailings = 100;

    public IReadOnlyCollection<string> Metrics { get; } = [MetricCatalogue.ComplaintAcknowledgementTime, MetricCatalogue.ComplaintResolutionTime];

    public async Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = query.Window.From;
        var to = query.Window.To;
        var clocks = db.ComplaintClocks.AsNoTracking().Where(clock => clock.ReceivedAt >= from && clock.ReceivedAt < to);
        if (query.Branches is { } branches)
        {
            clocks = clocks.Where(clock => branches.Contains(clock.Branch));
        }

        if (query.Terms.Severity is { } severity)
        {
            clocks = clocks.Where(clock => clock.Severity == severity);
        }

        var complaints = await clocks.ToListAsync(cancellationToken);
        if (complaints.Count == 0)
        {
            return [];
        }

        var codes = complaints.Select(clock => clock.Branch).Distinct().ToList();
        var calendars = (await db.Branches.AsNoTracking().Where(branch => codes.Contains(branch.Code)).ToListAsync(cancellationToken))
            .ToDictionary(branch => branch.Code, branch => branch.Calendar() ?? BusinessCalendar.AlwaysOpen, StringComparer.Ordinal);
        var failingsByBranch = await FailingsAsync(query, complaints, cancellationToken);
        var until = query.Now < to ? query.Now : to;
        var acknowledgement = query.Metric == MetricCatalogue.ComplaintAcknowledgementTime;
        return
        [
            .. complaints.GroupBy(clock => clock.Branch, StringComparer.Ordinal).Select(branch =>
            {
                var calendar = calendars.GetValueOrDefault(branch.Key) ?? BusinessCalendar.AlwaysOpen;
                var longest = branch.Max(clock =>
                    (acknowledgement ? clock.AcknowledgementTime(until, calendar) : clock.ResolutionTime(until, calendar)).TotalMinutes);
                return new BranchMeasurement(
                    branch.Key, Math.Round((decimal)longest, 2), branch.LongCount(), failingsByBranch.GetValueOrDefault(branch.Key) ?? []);
            }),
        ];
    }

    // The breaches of this standard (of any of its versions) among the window's complaints, first found first.
    private async Task<Dictionary<string, List<StandardFailing>>> FailingsAsync(
        MetricQuery query, List<ComplaintClock> complaints, CancellationToken cancellationToken)
    {
        var ids = complaints.Select(clock => clock.ComplaintId).ToList();
        var breaches = db.StandardBreaches.AsNoTracking().Where(breach => breach.Metric == query.Metric && ids.Contains(breach.ComplaintId));
        if (query.StandardId is { } standardId)
        {
            breaches = breaches.Where(breach => breach.StandardId == standardId);
        }

        var found = await breaches.OrderBy(breach => breach.OccurredAt).ThenBy(breach => breach.Id).ToListAsync(cancellationToken);
        var byId = complaints.ToDictionary(clock => clock.ComplaintId);
        var deadlineIds = found.Select(breach => breach.DeadlineId).ToList();
        var deadlines = await db.ComplaintDeadlines.AsNoTracking().Where(deadline => deadlineIds.Contains(deadline.Id))
            .ToDictionaryAsync(deadline => deadline.Id, cancellationToken);
        var failings = new Dictionary<string, List<StandardFailing>>(StringComparer.Ordinal);
        foreach (var breach in found)
        {
            var named = failings.TryGetValue(breach.Branch, out var list) ? list : failings[breach.Branch] = [];
            if (named.Count >= MaxNamedFailings || named.Exists(failing => failing.Id == breach.ComplaintId))
            {
                continue;
            }

            var done = deadlines.TryGetValue(breach.DeadlineId, out var deadline) ? byId[breach.ComplaintId].StoppedAt(deadline) : null;
            named.Add(new StandardFailing("complaint", breach.ComplaintId, Detail(breach, done)));
        }

        return failings;
    }

    private static string Detail(StandardBreach breach, DateTimeOffset? done) => string.Create(
        CultureInfo.InvariantCulture,
        $"{WireNames.Of(breach.Clock)} due {breach.DueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, {(done is { } at ? $"done {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "not done")}");
}
