using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

public static class ChangePolicyVersions
{
    public static void MapChangePolicyVersions(this RouteGroupBuilder group)
    {
        group.MapPut("/{policyId:guid}/versions/{version}", EditAsync).WithName("EditPolicyVersion").RequiresIfMatch();
        group.MapPost("/{policyId:guid}/versions", StartDraftAsync).WithName("StartPolicyDraft").WithIdempotency<StandardsDbContext>();
        group.MapPost("/{policyId:guid}/versions/{version}/retire", RetireAsync).WithName("RetirePolicyVersion");
    }

    /// <summary>
    /// Replaces a draft's content; needs <c>If-Match</c> with the version's ETag. 409 <c>policy-version-immutable</c>
    /// for a published or retired version: a change after publication is a new draft (POST .../versions).
    /// </summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The draft's version number.</param>
    public static async Task<Results<Ok<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid policyId, string version, PolicyVersionRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (PolicyRequests.Read(request, errors) is not { } content)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (policy, found, problem) = await PolicyEndpoints.FindVersionAsync(db, policyId, version, cancellationToken);
        if (found is null)
        {
            return problem!;
        }

        // The branches it has and the ones it would have: a branch key can neither take nor give away a policy.
        if ((PolicyRequests.CheckBranches(tenant, found.Branches) ?? PolicyRequests.CheckBranches(tenant, content.Branches)) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(found.Version)) is { } precondition)
        {
            return precondition;
        }

        found.Edit(content, clock.GetUtcNow());
        // xmin is the concurrency token: a change committed since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        return PolicyEndpoints.Ok(http, policy!, found);
    }

    /// <summary>
    /// Starts the next version as a draft, copied from the version in force (or the latest one). 409
    /// <c>policy-draft-exists</c> while a draft is still open.
    /// </summary>
    public static async Task<Results<Created<PolicyVersionResponse>, ProblemHttpResult>> StartDraftAsync(
        Guid policyId, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(candidate => candidate.Id == policyId, cancellationToken);
        if (policy is null)
        {
            return Problems.NotFound("policy", policyId);
        }

        var basisNumber = policy.PublishedVersion ?? policy.LatestVersion;
        var basis = await db.PolicyVersions.AsNoTracking()
            .FirstAsync(candidate => candidate.PolicyId == policyId && candidate.Number == basisNumber, cancellationToken);
        if (PolicyRequests.CheckBranches(tenant, basis.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var draft = policy.StartDraft(basis, clock.GetUtcNow());
        db.PolicyVersions.Add(draft);
        // Two drafts started together read the same number: xmin on the policy (412) or the version's key (409) stops one.
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(draft.Version);
        return TypedResults.Created(PolicyEndpoints.PathOf(policyId, draft.Number), PolicyVersionResponse.From(policy, draft));
    }

    /// <summary>
    /// Withdraws the version in force without a replacement; the policy is then retired (and leaves the charter).
    /// 409 <c>policy-version-not-published</c> for a draft or an already retired version.
    /// </summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The published version's number.</param>
    public static async Task<Results<Ok<PolicyVersionResponse>, ProblemHttpResult>> RetireAsync(
        Guid policyId, string version, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (policy, found, problem) = await PolicyEndpoints.FindVersionAsync(db, policyId, version, cancellationToken);
        if (found is null)
        {
            return problem!;
        }

        if (PolicyRequests.CheckBranches(tenant, found.Branches) is { } forbidden)
        {
            return forbidden;
        }

        policy!.Retire(found, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PolicyEndpoints.Ok(http, policy, found);
    }
}
