using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

public static class CreateServiceStandard
{
    public static RouteHandlerBuilder MapCreateServiceStandard(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("CreateServiceStandard").WithIdempotency<StandardsDbContext>()
            .WithSummary("Creates a measurable standard as version 1; not with a branch-restricted key.")
            .WithDescription("A complaint acknowledgement or resolution time standard for every branch becomes the due time Feedback gives new complaints (of its severity, or of every severity without one of their own).");

    public static async Task<Results<Created<ServiceStandardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ServiceStandardRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (ServiceStandardEndpoints.BranchKeyProblem(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Read(errors) is not var (metric, terms))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await PolicyClauseCheck.CheckAsync(db, terms.Policy, cancellationToken) is { } unknownClause)
        {
            return unknownClause;
        }

        var now = clock.GetUtcNow();
        var standard = ServiceStandard.Create(tenant.TenantId, request.Name!, metric, terms, now);
        db.ServiceStandards.Add(standard);
        await ComplaintTargetPublishing.EnqueueIfAffectedAsync(db, standard, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(standard.Version);
        return TypedResults.Created(ServiceStandardEndpoints.PathOf(standard.Id), ServiceStandardResponse.From(standard));
    }
}
