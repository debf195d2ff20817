using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>
/// A standard measures a clause that exists: the business's policy, and a version of it (any, draft or past) with that
/// clause key, since keys stay stable across versions and a standard may be set up before the policy is published.
/// </summary>
internal static class PolicyClauseCheck
{
    /// <summary>Null when the reference is absent or names a real clause; otherwise 422 <c>policy-clause-not-found</c> naming the field.</summary>
    public static async Task<ProblemHttpResult?> CheckAsync(StandardsDbContext db, PolicyClauseReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        if (!await db.Policies.AnyAsync(policy => policy.Id == reference.PolicyId, cancellationToken))
        {
            errors["policy.policyId"] = [$"The business has no policy with id {reference.PolicyId}."];
        }
        else
        {
            // Clauses are a JSON column: a policy has few versions, so they are read and searched here.
            var versions = await db.PolicyVersions.AsNoTracking()
                .Where(version => version.PolicyId == reference.PolicyId)
                .Select(version => version.Clauses)
                .ToListAsync(cancellationToken);
            if (!versions.Any(clauses => clauses.Any(clause => clause.Key == reference.ClauseKey)))
            {
                errors["policy.clauseKey"] = [$"No version of the policy has a clause '{reference.ClauseKey}'."];
            }
        }

        return errors.Count == 0 ? null : Problems.Unprocessable("policy-clause-not-found", "The standard refers to a policy clause that does not exist.", errors);
    }
}
