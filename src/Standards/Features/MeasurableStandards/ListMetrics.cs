using CustomerPlatform.Standards.Domain.Measurable;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>A metric a standard can be set on.</summary>
/// <param name="Code">What a standard names as its metric.</param>
/// <param name="Comparators">The comparators a standard on it may use.</param>
/// <param name="Minimum">The lowest valid target (and warning threshold).</param>
/// <param name="Maximum">The highest valid target (and warning threshold).</param>
/// <param name="WholeNumbers">Targets are whole numbers.</param>
/// <param name="BySeverity">A standard on it may name one complaint severity.</param>
/// <param name="SetsComplaintDeadlines">Standards on it in every branch become the due times Feedback gives new complaints.</param>
public sealed record MetricResponse(
    string Code,
    string Name,
    string Description,
    MetricUnit Unit,
    IReadOnlyList<Comparator> Comparators,
    decimal Minimum,
    decimal Maximum,
    bool WholeNumbers,
    bool BySeverity,
    bool SetsComplaintDeadlines);

/// <summary>The metric catalogue.</summary>
public sealed record MetricCatalogueResponse(IReadOnlyList<MetricResponse> Items);

public static class ListMetrics
{
    private static readonly MetricCatalogueResponse Catalogue = new(
    [
        .. MetricCatalogue.All.Select(metric => new MetricResponse(
            metric.Code, metric.Name, metric.Description, metric.Unit, metric.Comparators, metric.Minimum, metric.Maximum,
            metric.WholeNumbers, metric.BySeverity, metric.IsComplaintTime)),
    ]);

    public static RouteHandlerBuilder MapListMetrics(this RouteGroupBuilder group) =>
        group.MapGet("/metrics", Handle).WithName("ListMetrics")
            .WithSummary("The metrics standards can be set on: unit, comparators and valid target range of each.");

    public static Ok<MetricCatalogueResponse> Handle() => TypedResults.Ok(Catalogue);
}
