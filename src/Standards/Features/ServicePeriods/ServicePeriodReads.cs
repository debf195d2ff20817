using System.Globalization;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>What the period routes share: finding closed periods, the branch asked for, and a period's view.</summary>
internal static class ServicePeriodReads
{
    public const int MaxBranchLength = 50;

    /// <summary>
    /// A period's route segment: only date-shaped values reach the handler, so anything else (an id) is a plain 404, as
    /// a period that does not exist is; a date-shaped value that is not a date is a 400.
    /// </summary>
    public const string StartSegment = "{start:regex(^\\d{{4}}-\\d{{2}}-\\d{{2}}$)}";

    public static Task<ClosedPeriod?> FindClosedAsync(StandardsDbContext db, DateOnly start, CancellationToken cancellationToken) =>
        db.ClosedPeriods.Include(period => period.Results).ThenInclude(result => result.Failings).AsSplitQuery()
            .FirstOrDefaultAsync(period => period.Start == start, cancellationToken);

    public static bool TryParseStart(string text, out DateOnly start) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    public static ValidationProblem StartError() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = ["A period's first day, written yyyy-MM-dd."] });

    public static ProblemHttpResult NotFound(DateOnly start) =>
        ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, $"No service period starts on {start:yyyy-MM-dd}.", type: ProblemTypes.NotFound);

    /// <summary>
    /// The branch to report on: the one asked for, or a branch-restricted key's own branch; null for every branch.
    /// A problem for a malformed branch (400) or another branch than the key's (403).
    /// </summary>
    public static (string? Branch, IResult? Problem) Branch(string? branch, TenantContext tenant)
    {
        if (branch is null)
        {
            return (tenant.Branch, null);
        }

        var code = branch.Trim();
        if (code.Length is 0 or > MaxBranchLength)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["branch"] = [$"A branch code of 1 to {MaxBranchLength} characters."] }));
        }

        return tenant.MayActFor(code) ? (code, null) : (null, Problems.OtherBranch(code));
    }

    /// <summary>A period's view, with each line compared to the previous closed period's line for the same standard and branch.</summary>
    public static async Task<ServicePeriodResponse> ViewAsync(
        StandardsDbContext db, Guid id, PeriodSpan period, PeriodStatus status, DateTimeOffset? closedAt, IEnumerable<StandardMeasurement> lines, CancellationToken cancellationToken)
    {
        var previous = await db.ClosedPeriodResults.AsNoTracking()
            .Where(result => result.PeriodId == db.ClosedPeriods.Where(closed => closed.Start < period.Start)
                .OrderByDescending(closed => closed.Start).Select(closed => closed.Id).FirstOrDefault())
            .Select(result => new { result.StandardId, result.Branch, result.Actual })
            .ToListAsync(cancellationToken);
        var previousActual = previous.ToDictionary(result => (result.StandardId, result.Branch), result => result.Actual);
        return new ServicePeriodResponse(id, period.Start, period.End, status, closedAt,
        [
            .. lines.Select(line =>
            {
                var before = previousActual.GetValueOrDefault((line.StandardId, line.Branch));
                return new ServicePeriodResultResponse(
                    line.StandardId, line.StandardVersion, line.Name, line.Metric, line.Branch, line.Comparator, line.Target, line.Warning,
                    line.Actual, line.SampleSize, line.Outcome, line.Outcome == StandardOutcome.Breached, before,
                    line.Actual - before,
                    [.. line.Failings.Select(failing => new StandardFailingResponse(failing.Kind, failing.Id, failing.Detail))]);
            }),
        ]);
    }

    public static Task<ServicePeriodResponse> FrozenViewAsync(StandardsDbContext db, ClosedPeriod closed, string? branch, CancellationToken cancellationToken) =>
        ViewAsync(
            db, closed.Id, closed.Span, PeriodStatus.Closed, closed.ClosedAt,
            closed.Results.Where(result => branch is null || result.Branch == branch)
                .OrderBy(result => result.Branch, StringComparer.Ordinal).ThenBy(result => result.Name, StringComparer.Ordinal)
                .Select(result => result.ToMeasurement()),
            cancellationToken);
}
