using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

public static class ChangeServiceStandard
{
    public static RouteHandlerBuilder MapChangeServiceStandard(this RouteGroupBuilder group) =>
        group.MapPut("/{standardId:guid}", HandleAsync).WithName("ChangeServiceStandard").RequiresIfMatch()
            .WithSummary("Replaces a standard's name and terms; changed terms are a new version. Needs If-Match.")
            .WithDescription("The metric cannot change (another metric is another standard). A rename alone keeps the version. 409 standard-retired once retired.");

    public static async Task<Results<Ok<ServiceStandardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid standardId,
        ServiceStandardRequest request,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var read = request.Read(errors);
        var (standard, problem) = await ServiceStandardEndpoints.FindForChangeAsync(db, tenant, standardId, cancellationToken);
        if (standard is null)
        {
            return problem!;
        }

        if (read is { } valid && valid.Metric.Code != standard.Metric)
        {
            errors["metric"] = [$"The metric of a standard cannot change (it is {standard.Metric}); create another standard instead."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(standard.Version)) is { } precondition)
        {
            return precondition;
        }

        if (await PolicyClauseCheck.CheckAsync(db, read!.Value.Terms.Policy, cancellationToken) is { } unknownClause)
        {
            return unknownClause;
        }

        var now = clock.GetUtcNow();
        if (standard.Change(request.Name!, read!.Value.Terms, now) is not null)
        {
            await ComplaintTargetPublishing.EnqueueIfAffectedAsync(db, standard, now, cancellationToken);
        }

        // xmin is the concurrency token: a change committed since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        return ServiceStandardEndpoints.Ok(http, standard);
    }
}
