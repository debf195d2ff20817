using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

public static class RetireServiceStandard
{
    public static RouteHandlerBuilder MapRetireServiceStandard(this RouteGroupBuilder group) =>
        group.MapPost("/{standardId:guid}/retire", HandleAsync).WithName("RetireServiceStandard").RequiresIfMatch()
            .WithSummary("Retires a standard: it is no longer held to; its versions stay readable. Needs If-Match; 409 standard-retired when it already is.");

    public static async Task<Results<Ok<ServiceStandardResponse>, ProblemHttpResult>> HandleAsync(
        Guid standardId, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (standard, problem) = await ServiceStandardEndpoints.FindForChangeAsync(db, tenant, standardId, cancellationToken);
        if (standard is null)
        {
            return problem!;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(standard.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        standard.Retire(now);
        await ComplaintTargetPublishing.EnqueueIfAffectedAsync(db, standard, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceStandardEndpoints.Ok(http, standard);
    }
}
