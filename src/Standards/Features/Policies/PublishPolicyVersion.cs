using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

public static class PublishPolicyVersion
{
    public static RouteHandlerBuilder MapPublishPolicyVersion(this RouteGroupBuilder group) =>
        group.MapPost("/{policyId:guid}/versions/{version}/publish", HandleAsync).WithName("PublishPolicyVersion");

    /// <summary>
    /// Puts a draft in force: it becomes immutable, the version in force until now is retired, every active staff
    /// member of the branches it applies to is asked to acknowledge it, and <c>PolicyPublished</c> goes out. 409
    /// <c>policy-version-not-draft</c> for a version already published or retired.
    /// </summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The draft's version number.</param>
    public static async Task<Results<Ok<PolicyVersionResponse>, ProblemHttpResult>> HandleAsync(
        Guid policyId, string version, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (policy, draft, problem) = await PolicyEndpoints.FindVersionAsync(db, policyId, version, cancellationToken);
        if (draft is null)
        {
            return problem!;
        }

        if (PolicyRequests.CheckBranches(tenant, draft.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var inForce = policy!.PublishedVersion is { } number && number != draft.Number
            ? await db.PolicyVersions.FirstOrDefaultAsync(candidate => candidate.PolicyId == policyId && candidate.Number == number, cancellationToken)
            : null;
        var now = clock.GetUtcNow();
        policy.Publish(draft, inForce, now);

        var staff = db.StaffMembers.Where(member => member.Active);
        if (draft.Branches.Count > 0)
        {
            staff = staff.Where(member => draft.Branches.Contains(member.Branch));
        }

        var tasks = (await staff.ToListAsync(cancellationToken)).Select(member => PolicyAcknowledgement.Request(draft, member, now)).ToList();
        db.PolicyAcknowledgements.AddRange(tasks);
        db.EnqueueEvent(new PolicyPublished
        {
            TenantId = policy.TenantId,
            PolicyId = policy.Id,
            Version = draft.Number,
            RetiredVersion = inForce?.Number,
            Area = policy.Area,
            Title = policy.Title,
            EffectiveDate = draft.EffectiveDate,
            ClauseKeys = [.. draft.Clauses.Select(clause => clause.Key)],
            Branches = draft.Branches,
            AcknowledgementsRequested = tasks.Count,
            OccurredAt = now,
        }, now);
        // Two publications racing both read the policy's row version: the second is a 412, never two versions in force.
        await db.SaveChangesAsync(cancellationToken);
        return PolicyEndpoints.Ok(http, policy, draft);
    }
}
