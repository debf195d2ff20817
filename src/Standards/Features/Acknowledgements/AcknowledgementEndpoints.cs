using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Features.Policies;
using CustomerPlatform.Standards.Features.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Acknowledgements;

/// <summary>Who acknowledges the version.</summary>
/// <param name="StaffId">The staff member's id; they must have been asked to acknowledge this version.</param>
public sealed record AcknowledgePolicyRequest([property: Required] Guid? StaffId);

/// <summary>A staff member's acknowledgement task for a policy version.</summary>
/// <param name="AcknowledgedAt">When they acknowledged it; absent while outstanding.</param>
public sealed record AcknowledgementResponse(
    Guid PolicyId, int Version, string Title, Guid StaffId, string StaffCode, string StaffName, string Branch, DateTimeOffset RequestedAt, DateTimeOffset? AcknowledgedAt);

/// <summary>How many of a branch's staff were asked to acknowledge the version, and how many have.</summary>
/// <param name="Rate">Acknowledged as a share of requested, 0 to 1 (4 decimals).</param>
public sealed record BranchAcknowledgementRate(string Branch, int Requested, int Acknowledged, decimal Rate);

/// <summary>A version's acknowledgement rate per branch (by each staff member's branch when asked), and overall.</summary>
public sealed record AcknowledgementRatesResponse(Guid PolicyId, int Version, int Requested, int Acknowledged, decimal? Rate, IReadOnlyList<BranchAcknowledgementRate> Branches);

public static class AcknowledgementEndpoints
{
    public static void MapAcknowledgements(this RouteGroupBuilder standards)
    {
        var versions = standards.MapGroup("/policies/{policyId:guid}/versions/{version}").WithTags("Acknowledgements");
        versions.MapPost("/acknowledgements", AcknowledgeAsync).WithName("AcknowledgePolicyVersion");
        versions.MapGet("/acknowledgement-rates", RatesAsync).WithName("GetPolicyAcknowledgementRates");
        standards.MapGroup("/policy-acknowledgements").WithTags("Acknowledgements").MapListAcknowledgements();
    }

    /// <summary>
    /// Records that the staff member acknowledged the version. Idempotent: acknowledging again answers the same
    /// record with the first time. 422 <c>acknowledgement-not-requested</c> when they were never asked (not active,
    /// or not at a branch the version applies to, when it was published).
    /// </summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The version number.</param>
    public static async Task<Results<Ok<AcknowledgementResponse>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        Guid policyId, string version, AcknowledgePolicyRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.StaffId is not { } staffId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["staffId"] = ["The staff member's id."] });
        }

        var (policy, found, problem) = await PolicyEndpoints.FindVersionAsync(db, policyId, version, cancellationToken);
        if (found is null)
        {
            return problem!;
        }

        var staff = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == staffId, cancellationToken);
        if (staff is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["staffId"] = [$"No staff member with id {staffId}."] });
        }

        var task = await db.PolicyAcknowledgements.FirstOrDefaultAsync(
            candidate => candidate.PolicyId == policyId && candidate.PolicyVersion == found.Number && candidate.StaffId == staffId, cancellationToken);
        if (task is null)
        {
            throw new DomainException(
                "acknowledgement-not-requested",
                $"{staff.Name} was not asked to acknowledge version {found.Number} of this policy.");
        }

        if (!tenant.MayActFor(task.Branch))
        {
            return Problems.OtherBranch(task.Branch);
        }

        var now = clock.GetUtcNow();
        if (task.Acknowledge(now))
        {
            await db.SaveChangesAsync(cancellationToken);
            await ReviewCommunication.OnAcknowledgedAsync(db, task, now, cancellationToken);
        }

        return TypedResults.Ok(new AcknowledgementResponse(
            policyId, found.Number, policy!.Title, staffId, staff.Code, staff.Name, task.Branch, task.RequestedAt, task.AcknowledgedAt));
    }

    /// <summary>The version's acknowledgement rate per branch, for the dashboard and, later, as a measured standard.</summary>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The version number.</param>
    public static async Task<Results<Ok<AcknowledgementRatesResponse>, ProblemHttpResult>> RatesAsync(
        Guid policyId, string version, StandardsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Policies.AnyAsync(policy => policy.Id == policyId, cancellationToken))
        {
            return Problems.NotFound("policy", policyId);
        }

        var number = PolicyEndpoints.ReadVersionNumber(version);
        if (number is null || !await db.PolicyVersions.AnyAsync(candidate => candidate.PolicyId == policyId && candidate.Number == number, cancellationToken))
        {
            return PolicyEndpoints.VersionNotFound(policyId, version);
        }

        var branches = await AcknowledgementCounts.ByBranch(
                db.PolicyAcknowledgements.AsNoTracking().Where(task => task.PolicyId == policyId && task.PolicyVersion == number))
            .ToListAsync(cancellationToken);
        var requested = branches.Sum(row => row.Requested);
        var acknowledged = branches.Sum(row => row.Acknowledged);
        return TypedResults.Ok(new AcknowledgementRatesResponse(
            policyId,
            number.Value,
            requested,
            acknowledged,
            requested == 0 ? null : Rate(acknowledged, requested),
            [.. branches.Select(row => new BranchAcknowledgementRate(row.Branch, row.Requested, row.Acknowledged, Rate(row.Acknowledged, row.Requested)))]));
    }

    private static decimal Rate(int acknowledged, int requested) => Math.Round((decimal)acknowledged / requested, 4);
}
