using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>
/// Measures one or more catalogue metrics (<see cref="MetricCatalogue"/>) from the facts Standards keeps. One
/// implementation per source of facts; <c>Scorecards</c> picks the one that names the standard's metric.
/// </summary>
public interface IMetricMeasure
{
    /// <summary>The <see cref="MetricDefinition.Code"/>s it measures.</summary>
    IReadOnlyCollection<string> Metrics { get; }

    /// <summary>
    /// One row per branch that had anything to measure in the window, limited to <see cref="MetricQuery.Branches"/>
    /// when that is not null; branches with nothing are left out (the caller reports them as no data).
    /// </summary>
    Task<IReadOnlyList<BranchMeasurement>> MeasureAsync(MetricQuery query, CancellationToken cancellationToken);
}

/// <param name="Terms">The standard's terms: complaint-time metrics need its severity and target to name breaches.</param>
/// <param name="Branches">The branch codes to measure; null for every branch.</param>
/// <param name="Now">Clocks still running at this moment count as running (live); a window in the past ignores it.</param>
public sealed record MetricQuery(
    Guid TenantId, string Metric, StandardTerms Terms, MeasurementWindow Window, IReadOnlyCollection<string>? Branches, DateTimeOffset Now)
{
    /// <summary>The standard being measured: complaint-time metrics name the breaches of this standard as its failings.</summary>
    public Guid? StandardId { get; init; }
}
