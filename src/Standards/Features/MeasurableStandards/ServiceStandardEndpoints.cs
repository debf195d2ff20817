using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>The metric catalogue and the measurable standards routes, and what their handlers share.</summary>
public static class ServiceStandardEndpoints
{
    public const string BasePath = "/api/v1/standards/service-standards";

    public static void MapMeasurableStandards(this RouteGroupBuilder standards)
    {
        standards.MapListMetrics();
        var group = standards.MapGroup("/service-standards").WithTags("Measurable standards");
        group.MapCreateServiceStandard();
        group.MapListServiceStandards();
        group.MapGetServiceStandard();
        group.MapListServiceStandardVersions();
        group.MapChangeServiceStandard();
        group.MapRetireServiceStandard();
    }

    internal static string PathOf(Guid standardId) => $"{BasePath}/{standardId}";

    /// <summary>
    /// The standard a change is about, or the problem that stops it: 404 when the business has no such standard, 403 for
    /// a branch-restricted key (standards are the business's, as its complaint targets are).
    /// </summary>
    internal static async Task<(ServiceStandard? Standard, ProblemHttpResult? Problem)> FindForChangeAsync(
        StandardsDbContext db, TenantContext tenant, Guid standardId, CancellationToken cancellationToken)
    {
        if (BranchKeyProblem(tenant) is { } forbidden)
        {
            return (null, forbidden);
        }

        var standard = await db.ServiceStandards.FirstOrDefaultAsync(candidate => candidate.Id == standardId, cancellationToken);
        return standard is null ? (null, Problems.NotFound("standard", standardId)) : (standard, null);
    }

    internal static ProblemHttpResult? BranchKeyProblem(TenantContext tenant) =>
        tenant.Branch is null
            ? null
            : ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden, "A branch-restricted key cannot change the business's standards.", type: ProblemTypes.Forbidden);

    internal static Ok<ServiceStandardResponse> Ok(HttpContext http, ServiceStandard standard)
    {
        http.Response.Headers.ETag = ETags.From(standard.Version);
        return TypedResults.Ok(ServiceStandardResponse.From(standard));
    }
}
