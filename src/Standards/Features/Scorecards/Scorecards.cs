using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Scorecards;

/// <summary>
/// Holds every active standard of the current tenant against what its branches did over a window: the one way a
/// scorecard is computed, live (the open period so far) and frozen (a period as it closes).
/// </summary>
public sealed class Scorecards(StandardsDbContext db, IEnumerable<IMetricMeasure> measures)
{
    private readonly Dictionary<string, IMetricMeasure> _measureOf = measures
        .SelectMany(measure => measure.Metrics.Select(metric => (metric, measure)))
        .ToDictionary(pair => pair.metric, pair => pair.measure, StringComparer.Ordinal);

    /// <param name="branch">One branch code, or null for every branch the standards apply to.</param>
    /// <returns>One line per active standard per branch in its scope, ordered by branch then standard name.</returns>
    public async Task<IReadOnlyList<StandardMeasurement>> MeasureAsync(
        Guid tenantId, MeasurementWindow window, string? branch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var standards = await db.ServiceStandards.AsNoTracking()
            .Where(standard => standard.Status == StandardStatus.Active)
            .OrderBy(standard => standard.Name).ThenBy(standard => standard.Id)
            .ToListAsync(cancellationToken);
        if (standards.Count == 0)
        {
            return [];
        }

        // Every open branch of the directory is held to an all-branches standard, measured or not: a branch with no
        // responses shows "no data" rather than vanishing from its own scorecard.
        var directory = await db.Branches.AsNoTracking()
            .Where(known => known.ClosedAt == null)
            .Select(known => known.Code)
            .ToListAsync(cancellationToken);

        var lines = new List<StandardMeasurement>();
        foreach (var standard in standards)
        {
            var scope = Scope(standard.Terms, branch);
            if (scope is { Count: 0 } || !_measureOf.TryGetValue(standard.Metric, out var measure))
            {
                continue;
            }

            var measured = await measure.MeasureAsync(
                new MetricQuery(tenantId, standard.Metric, standard.Terms, window, scope, now) { StandardId = standard.Id }, cancellationToken);
            var expected = scope ?? directory;
            var byBranch = measured.ToDictionary(line => line.Branch, StringComparer.Ordinal);
            foreach (var code in expected.Where(code => !byBranch.ContainsKey(code)))
            {
                byBranch[code] = BranchMeasurement.Empty(code);
            }

            lines.AddRange(byBranch.Values.Select(line => StandardMeasurement.Of(standard, line)));
        }

        return [.. lines.OrderBy(line => line.Branch, StringComparer.Ordinal)];
    }

    // The branches one standard is measured in for the request: its own list (narrowed to the one asked for), or
    // every branch (null), or just the one asked for.
    private static IReadOnlyCollection<string>? Scope(StandardTerms terms, string? branch)
    {
        if (terms.AppliesToAllBranches)
        {
            return branch is null ? null : [branch];
        }

        return branch is null ? terms.Branches : [.. terms.Branches.Where(code => string.Equals(code, branch, StringComparison.Ordinal))];
    }
}
