using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.GetScorecard;

/// <summary>A branch's scorecard for one service period.</summary>
public sealed record ScorecardResponse(
    string Branch,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Responses,
    int Promoters,
    int Passives,
    int Detractors,
    decimal? Nps);

public static class GetScorecard
{
    public static RouteHandlerBuilder MapGetScorecard(this RouteGroupBuilder group) =>
        group.MapGet("/scorecard", HandleAsync).WithName("GetScorecard");

    /// <param name="branch">The branch code.</param>
    /// <param name="period">The period as yyyy-MM; the current one when omitted.</param>
    public static async Task<Results<Ok<ScorecardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? branch, string? period, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(branch) || branch.Length > 50)
        {
            errors["branch"] = ["A branch code (1-50 characters) is required."];
        }

        var servicePeriod = ServicePeriod.Containing(clock.GetUtcNow());
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

        var score = await db.BranchPeriodScores.AsNoTracking()
            .FirstOrDefaultAsync(score => score.Branch == code && score.PeriodStart == servicePeriod.Start, cancellationToken);

        // A period with no responses yet is a scorecard of zeros, not a missing resource.
        return TypedResults.Ok(new ScorecardResponse(
            code,
            servicePeriod.ToString(),
            servicePeriod.Start,
            servicePeriod.End,
            score?.Responses ?? 0,
            score?.Promoters ?? 0,
            score?.Passives ?? 0,
            score?.Detractors ?? 0,
            score?.Nps));
    }
}
