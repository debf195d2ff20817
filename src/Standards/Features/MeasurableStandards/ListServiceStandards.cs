using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

public static class ListServiceStandards
{
    public static RouteHandlerBuilder MapListServiceStandards(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListServiceStandards");

    /// <summary>The business's standards, oldest first.</summary>
    /// <param name="metric">Only standards on this metric code.</param>
    /// <param name="status">active or retired; both when omitted.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ServiceStandardPageResponse>, ValidationProblem>> HandleAsync(
        StandardsDbContext db, CancellationToken cancellationToken, string? metric = null, string? status = null, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (metric is not null && MetricCatalogue.Find(metric) is null)
        {
            errors["metric"] = ["One of the metric codes of GET /api/v1/standards/metrics."];
        }

        StandardStatus? wanted = status switch
        {
            null => null,
            "active" => StandardStatus.Active,
            "retired" => StandardStatus.Retired,
            _ => null,
        };
        if (status is not null && wanted is null)
        {
            errors["status"] = ["active or retired."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.ServiceStandards.AsNoTracking();
        if (metric is not null)
        {
            query = query.Where(standard => standard.Metric == metric);
        }

        if (wanted is { } only)
        {
            query = query.Where(standard => standard.Status == only);
        }

        if (after is { } position)
        {
            query = query.Where(standard =>
                EF.Functions.GreaterThan(ValueTuple.Create(standard.CreatedAt, standard.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(standard => standard.CreatedAt).ThenBy(standard => standard.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new ServiceStandardPageResponse([.. page.Select(ServiceStandardResponse.From)], nextCursor));
    }
}
