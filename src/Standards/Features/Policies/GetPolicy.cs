using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

public static class GetPolicy
{
    public static void MapGetPolicy(this RouteGroupBuilder group)
    {
        group.MapGet("/{policyId:guid}", HandleAsync).WithName("GetPolicy");
        group.MapGet("/{policyId:guid}/versions/{version}", GetVersionAsync).WithName("GetPolicyVersion");
        group.MapGet("/{policyId:guid}/clauses/{clauseKey}", GetClauseAsync).WithName("GetPolicyClause");
    }

    /// <summary>The policy and where its versions stand.</summary>
    public static async Task<Results<Ok<PolicyResponse>, ProblemHttpResult>> HandleAsync(
        Guid policyId, StandardsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == policyId, cancellationToken);
        return policy is null ? Problems.NotFound("policy", policyId) : TypedResults.Ok(PolicyResponse.From(policy, PolicyEndpoints.Today(clock)));
    }

    /// <summary>One version with its content; its ETag is what editing a draft needs as If-Match.</summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The version number, from 1.</param>
    public static async Task<Results<Ok<PolicyVersionResponse>, ProblemHttpResult>> GetVersionAsync(
        Guid policyId, string version, StandardsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var (policy, found, problem) = await PolicyEndpoints.FindVersionAsync(db, policyId, version, cancellationToken);
        return found is null ? problem! : PolicyEndpoints.Ok(http, policy!, found);
    }

    /// <summary>
    /// A clause of the version in force, by the (policy id, clause key) pair measurable standards refer to: the key
    /// stays while the wording changes from version to version. 404 when no version in force has the clause.
    /// </summary>
    public static async Task<Results<Ok<PolicyClauseResponse>, ProblemHttpResult>> GetClauseAsync(
        Guid policyId, string clauseKey, StandardsDbContext db, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == policyId, cancellationToken);
        if (policy is null)
        {
            return Problems.NotFound("policy", policyId);
        }

        var inForce = policy.PublishedVersion is { } number
            ? await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(version => version.PolicyId == policyId && version.Number == number, cancellationToken)
            : null;
        var index = inForce?.Clauses.FindIndex(clause => clause.Key == clauseKey) ?? -1;
        if (index < 0)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status404NotFound,
                $"Policy {policyId} has no clause '{(clauseKey.Length <= 50 ? clauseKey : clauseKey[..50] + "…")}' in force.",
                type: ProblemTypes.NotFound);
        }

        var clause = inForce!.Clauses[index];
        return TypedResults.Ok(new PolicyClauseResponse(policyId, clause.Key, inForce.Number, index + 1, clause.Text, clause.Public));
    }
}
