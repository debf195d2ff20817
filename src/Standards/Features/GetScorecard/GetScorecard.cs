using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.GetScorecard;

/// <summary>A branch's scorecard for one service period.</summary>
/// <param name="Responses">Likelihood-to-recommend answers (the NPS counts follow).</param>
/// <param name="Standards">Every active standard that applies to the branch, held against the period so far.</param>
public sealed record ScorecardResponse(
    string Branch,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Responses,
    int Promoters,
    int Passives,
    int Detractors,
    decimal? Nps,
    IReadOnlyList<ScorecardStandardLine> Standards);

/// <summary>One standard held against what the branch did in the period.</summary>
/// <param name="Actual">In the metric's unit, rounded to one decimal; absent with no data.</param>
/// <param name="SampleSize">What the value was computed from: answers, invitations, purchases, follow-ups, tasks.</param>
/// <param name="Failings">What breached it by name (complaint-time standards); empty otherwise.</param>
public sealed record ScorecardStandardLine(
    Guid StandardId,
    int StandardVersion,
    string Name,
    string Metric,
    Comparator Comparator,
    decimal Target,
    decimal? Warning,
    decimal? Actual,
    long SampleSize,
    StandardOutcome Outcome,
    IReadOnlyList<StandardFailing> Failings)
{
    public static ScorecardStandardLine From(StandardMeasurement line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.StandardId, line.StandardVersion, line.Name, line.Metric, line.Comparator, line.Target, line.Warning,
            line.Actual, line.SampleSize, line.Outcome, line.Failings);
    }
}

public static class GetScorecard
{
    public static RouteHandlerBuilder MapGetScorecard(this RouteGroupBuilder group) =>
        group.MapGet("/scorecard", HandleAsync).WithName("GetScorecard");

    /// <param name="branch">The branch code.</param>
    /// <param name="period">The period as yyyy-MM; the current one when omitted.</param>
    public static async Task<Results<Ok<ScorecardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? branch,
        string? period,
        StandardsDbContext db,
        Scorecards.Scorecards scorecards,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(branch) || branch.Length > 50)
        {
            errors["branch"] = ["A branch code (1-50 characters) is required."];
        }

        var now = clock.GetUtcNow();
        var servicePeriod = ServicePeriod.Containing(now);
        if (period is not null && !ServicePeriod.TryParse(period, out servicePeriod))
        {
            errors["period"] = ["A period is written yyyy-MM, e.g. 2026-11."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = branch!.Trim();
        if (!tenant.MayActFor(code))
        {
            return Problems.OtherBranch(code);
        }

        var nps = await db.BranchDayCounts.AsNoTracking()
            .Where(counts => counts.Branch == code && counts.Day >= servicePeriod.Start && counts.Day < servicePeriod.End)
            .GroupBy(counts => counts.Branch)
            .Select(group => new
            {
                Promoters = group.Sum(counts => counts.Promoters),
                Passives = group.Sum(counts => counts.Passives),
                Detractors = group.Sum(counts => counts.Detractors),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var window = new MeasurementWindow(
            new DateTimeOffset(servicePeriod.Start, TimeOnly.MinValue, TimeSpan.Zero),
            new DateTimeOffset(servicePeriod.End, TimeOnly.MinValue, TimeSpan.Zero));
        var standards = await scorecards.MeasureAsync(tenant.TenantId, window, code, now, cancellationToken);

        // A period with no responses yet is a scorecard of zeros, not a missing resource.
        var (promoters, passives, detractors) = nps is null ? (0, 0, 0) : (nps.Promoters, nps.Passives, nps.Detractors);
        return TypedResults.Ok(new ScorecardResponse(
            code,
            servicePeriod.ToString(),
            servicePeriod.Start,
            servicePeriod.End,
            promoters + passives + detractors,
            promoters,
            passives,
            detractors,
            NetPromoterScore.Compute(promoters, passives, detractors),
            [.. standards.Select(ScorecardStandardLine.From)]));
    }
}
