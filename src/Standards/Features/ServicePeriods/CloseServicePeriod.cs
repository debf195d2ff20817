using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

public static class CloseServicePeriod
{
    public static RouteHandlerBuilder MapCloseServicePeriod(this RouteGroupBuilder group) =>
        group.MapPost($"/{ServicePeriodReads.StartSegment}/close", HandleAsync).WithName("CloseServicePeriod")
            .WithSummary("Closes an ended period now, freezing its scorecard and publishing ServicePeriodClosed; a closed period is returned unchanged.")
            .WithDescription("409 period-not-ended before its end (UTC); 409 earlier-period-open while an earlier period is not closed. "
                + "Not with a branch-restricted key.");

    public static async Task<Results<Ok<ServicePeriodResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string start, PeriodCloses closes, StandardsDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ServicePeriodReads.TryParseStart(start, out var day))
        {
            return ServicePeriodReads.StartError();
        }

        if (ServicePeriodEndpoints.BranchKeyProblem(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var (closed, refusal) = await closes.CloseAsync(day, cancellationToken);
        return refusal switch
        {
            CloseRefusal.NotFound => ServicePeriodReads.NotFound(day),
            CloseRefusal.NotEnded => ProblemDetailsSetup.Problem(
                StatusCodes.Status409Conflict, "The period has not ended yet.", $"It ends at the start of its end day (UTC).", ProblemTypes.For("period-not-ended")),
            CloseRefusal.EarlierPeriodOpen => ProblemDetailsSetup.Problem(
                StatusCodes.Status409Conflict, "An earlier period is not closed yet.", "Periods close in order: close the earliest one first.", ProblemTypes.For("earlier-period-open")),
            _ => TypedResults.Ok(await ServicePeriodReads.FrozenViewAsync(db, closed!, tenant.Branch, cancellationToken)),
        };
    }
}
