using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

public static class GetServicePeriod
{
    public static RouteHandlerBuilder MapGetServicePeriod(this RouteGroupBuilder group) =>
        group.MapGet($"/{ServicePeriodReads.StartSegment}", HandleAsync).WithName("GetServicePeriod")
            .WithSummary("A period's scorecard: live while it is not closed, frozen once it is. The start is yyyy-MM-dd (UTC).");

    /// <param name="start">The period's first day, yyyy-MM-dd.</param>
    /// <param name="branch">One branch; every branch when omitted (a branch-restricted key sees its own).</param>
    public static async Task<Results<Ok<ServicePeriodResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string start,
        string? branch,
        StandardsDbContext db,
        Scorecards.Scorecards scorecards,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ServicePeriodReads.TryParseStart(start, out var day))
        {
            return ServicePeriodReads.StartError();
        }

        var (code, problem) = ServicePeriodReads.Branch(branch, tenant);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        if (await ServicePeriodReads.FindClosedAsync(db, day, cancellationToken) is { } closed)
        {
            return TypedResults.Ok(await ServicePeriodReads.FrozenViewAsync(db, closed, code, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var settings = await db.ServicePeriodSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? ServicePeriodSettings.Default(tenant.TenantId, now);
        var lastClosedEnd = await PeriodCloses.LastClosedEndAsync(db, cancellationToken);
        var calendar = settings.Calendar;
        // Only the periods not closed yet, from the oldest to the open one: earlier days belong to closed periods (or to
        // a gap a settings change left), later ones have not begun.
        if (!calendar.IsStart(day) || day < settings.OldestUnclosed(lastClosedEnd).Start || day > calendar.Containing(now).Start)
        {
            return ServicePeriodReads.NotFound(day);
        }

        var period = calendar.StartingOn(day);
        var lines = await scorecards.MeasureAsync(tenant.TenantId, new MeasurementWindow(period.From, period.To), code, now, cancellationToken);
        return TypedResults.Ok(await ServicePeriodReads.ViewAsync(
            db, ServicePeriodIds.Of(tenant.TenantId, settings.Length, day), period,
            period.HasEndedAt(now) ? PeriodStatus.Ended : PeriodStatus.Open, null, lines, cancellationToken));
    }
}
