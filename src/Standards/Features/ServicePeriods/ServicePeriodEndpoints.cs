using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>The service period routes: settings, the periods, one period's scorecard, closing, and the comparison.</summary>
public static class ServicePeriodEndpoints
{
    public const int DefaultListCount = 12;
    public const int MaxListCount = 100;
    public const int DefaultComparisonCount = 4;
    public const int MaxComparisonCount = 24;

    public static void MapServicePeriods(this RouteGroupBuilder standards)
    {
        standards.MapServicePeriodSettings();
        var group = standards.MapGroup("/service-periods").WithTags("Service periods");
        group.MapGet("", ListAsync).WithName("ListServicePeriods")
            .WithSummary("The latest periods, newest first: the open one, those ended but not closed, and closed ones (UTC days).");
        group.MapGet("/comparison", CompareAsync).WithName("CompareServicePeriods")
            .WithSummary("The last closed periods side by side (oldest first), per standard and branch.");
        group.MapGetServicePeriod();
        group.MapCloseServicePeriod();
    }

    internal static ProblemHttpResult? BranchKeyProblem(TenantContext tenant) =>
        tenant.Branch is null
            ? null
            : ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden, "A branch-restricted key cannot change the business's service periods.", type: ProblemTypes.Forbidden);

    /// <param name="count">1 to 100; 12 when omitted.</param>
    public static async Task<Results<Ok<ServicePeriodListResponse>, ValidationProblem>> ListAsync(
        int? count, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxListCount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = [$"From 1 to {MaxListCount}."] });
        }

        var take = count ?? DefaultListCount;
        var now = clock.GetUtcNow();
        var settings = await db.ServicePeriodSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? ServicePeriodSettings.Default(tenant.TenantId, now);
        var closed = await db.ClosedPeriods.AsNoTracking().OrderByDescending(period => period.Start).Take(take)
            .Select(period => new ServicePeriodSummary(period.Id, period.Start, period.End, PeriodStatus.Closed, period.ClosedAt))
            .ToListAsync(cancellationToken);
        var calendar = settings.Calendar;
        var oldestUnclosed = settings.OldestUnclosed(closed.FirstOrDefault()?.End).Start;
        var unclosed = new List<ServicePeriodSummary>();
        for (var period = calendar.Containing(now); period.Start >= oldestUnclosed && unclosed.Count < take; period = calendar.Before(period))
        {
            unclosed.Add(new ServicePeriodSummary(
                ServicePeriodIds.Of(tenant.TenantId, settings.Length, period.Start), period.Start, period.End,
                period.HasEndedAt(now) ? PeriodStatus.Ended : PeriodStatus.Open, null));
        }

        return TypedResults.Ok(new ServicePeriodListResponse([.. unclosed.Concat(closed).Take(take)]));
    }

    /// <param name="count">How many closed periods, 1 to 24; 4 when omitted.</param>
    /// <param name="branch">One branch; every branch when omitted (a branch-restricted key sees its own).</param>
    public static async Task<Results<Ok<ServicePeriodComparisonResponse>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        int? count, string? branch, StandardsDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxComparisonCount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = [$"From 1 to {MaxComparisonCount}."] });
        }

        var (code, problem) = ServicePeriodReads.Branch(branch, tenant);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        var periods = await db.ClosedPeriods.AsNoTracking().OrderByDescending(period => period.Start).Take(count ?? DefaultComparisonCount)
            .Select(period => new { period.Id, period.Start, period.End })
            .ToListAsync(cancellationToken);
        periods.Reverse();
        var ids = periods.Select(period => period.Id).ToList();
        var startOf = periods.ToDictionary(period => period.Id, period => period.Start);
        var results = await db.ClosedPeriodResults.AsNoTracking()
            .Where(result => ids.Contains(result.PeriodId) && (code == null || result.Branch == code))
            .Select(result => new { result.PeriodId, result.StandardId, result.Name, result.Metric, result.Branch, result.Actual, result.Outcome })
            .ToListAsync(cancellationToken);
        var standards = results
            .GroupBy(result => (result.StandardId, result.Branch))
            .Select(line =>
            {
                var held = line.OrderBy(result => startOf[result.PeriodId]).ToList();
                // Named as in the latest period: a standard renamed in between reads as one row.
                var latest = held[^1];
                return new ComparedStandard(
                    line.Key.StandardId, latest.Name, latest.Metric, line.Key.Branch,
                    [.. held.Select(result => new ComparedResult(startOf[result.PeriodId], result.Actual, result.Outcome))]);
            })
            .OrderBy(line => line.Branch, StringComparer.Ordinal).ThenBy(line => line.Name, StringComparer.Ordinal).ThenBy(line => line.StandardId)
            .ToList();
        return TypedResults.Ok(new ServicePeriodComparisonResponse([.. periods.Select(period => new ComparedPeriod(period.Start, period.End))], standards));
    }
}
