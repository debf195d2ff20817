using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

public static class GetServiceStandard
{
    public static RouteHandlerBuilder MapGetServiceStandard(this RouteGroupBuilder group) =>
        group.MapGet("/{standardId:guid}", HandleAsync).WithName("GetServiceStandard")
            .WithSummary("A standard with the terms of its current version, and its ETag.");

    public static RouteHandlerBuilder MapListServiceStandardVersions(this RouteGroupBuilder group) =>
        group.MapGet("/{standardId:guid}/versions", ListVersionsAsync).WithName("ListServiceStandardVersions")
            .WithSummary("Every version of a standard's terms, oldest first; versions never change.");

    public static async Task<Results<Ok<ServiceStandardResponse>, ProblemHttpResult>> HandleAsync(
        Guid standardId, StandardsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var standard = await db.ServiceStandards.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == standardId, cancellationToken);
        return standard is null ? Problems.NotFound("standard", standardId) : ServiceStandardEndpoints.Ok(http, standard);
    }

    public static async Task<Results<Ok<ServiceStandardVersionsResponse>, ProblemHttpResult>> ListVersionsAsync(
        Guid standardId, StandardsDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ServiceStandardVersions.AsNoTracking()
            .Where(version => version.StandardId == standardId)
            .OrderBy(version => version.Number)
            .ToListAsync(cancellationToken);

        // Every standard has its version 1, so none means no such standard in this business.
        return versions.Count == 0
            ? Problems.NotFound("standard", standardId)
            : TypedResults.Ok(new ServiceStandardVersionsResponse(
                standardId, [.. versions.Select(version => new ServiceStandardVersionResponse(version.Number, StandardTermsResponse.From(version.Terms), version.CreatedAt))]));
    }
}
