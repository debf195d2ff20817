using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>What the review decided: one of three kinds, each with its own fields.</summary>
/// <param name="Kind">policyVersion (with policyId and policyVersion), standardChange (with standardId and standardVersion) or noChange (with reason).</param>
/// <param name="PolicyId">The policy a new version of which is the outcome.</param>
/// <param name="PolicyVersion">That version's number; it must be published.</param>
/// <param name="StandardId">The standard that was changed.</param>
/// <param name="StandardVersion">The version of its terms the change made.</param>
/// <param name="Reason">Why nothing changes, 1 to 4000 characters.</param>
public sealed record ReviewOutcomeRequest(
    [property: Required] ReviewOutcomeKind? Kind,
    Guid? PolicyId,
    int? PolicyVersion,
    Guid? StandardId,
    int? StandardVersion,
    [property: StringLength(ReviewOutcome.MaxReasonLength)] string? Reason);

public static class RecordReviewOutcome
{
    public static RouteHandlerBuilder MapRecordReviewOutcome(this RouteGroupBuilder group) =>
        group.MapPost("/{reviewId:guid}/outcome", HandleAsync).WithName("RecordReviewOutcome").RequiresIfMatch();

    /// <summary>
    /// Records the review's decision, once; needs <c>If-Match</c>. A published policy version leaves it changed until
    /// every acknowledgement task of that version in the review's branch is acknowledged (then communicated); a
    /// standard change is communicated at once; no change closes it. 422 with field errors for a policy version that
    /// does not exist or is not published, or a standard version that does not exist; 409 <c>review-outcome-recorded</c>
    /// when an outcome is already recorded.
    /// </summary>
    public static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid reviewId,
        ReviewOutcomeRequest request,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        // Found first: another business's id is a 404 whatever the body says, as a missing one is.
        var (review, problem) = await ReviewEndpoints.FindAsync(db, tenant, reviewId, tracked: true, cancellationToken);
        if (review is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (Read(request, errors) is not { } outcome)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(review.Version)) is { } precondition)
        {
            return precondition;
        }

        // Before the references are checked: a second decision is refused whatever it names.
        review.EnsureUndecided();

        if (await CheckReferencesAsync(db, outcome, cancellationToken) is { Count: > 0 } refused)
        {
            return Problems.Unprocessable("review-outcome-not-found", "The outcome names a version that cannot be the review's outcome.", refused);
        }

        var acknowledged = outcome is { Kind: ReviewOutcomeKind.PolicyVersion, PolicyId: { } policyId, PolicyVersion: { } version }
            && await ReviewCommunication.AllAcknowledgedAsync(db, policyId, version, review.Branch, cancellationToken);
        var now = clock.GetUtcNow();
        review.RecordOutcome(outcome, acknowledged, now);
        // xmin is the concurrency token: an outcome recorded since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        return await ReviewEndpoints.OkAsync(http, db, review, now, cancellationToken);
    }

    private static ReviewOutcome? Read(ReviewOutcomeRequest request, Dictionary<string, string[]> errors)
    {
        var policy = request.Kind == ReviewOutcomeKind.PolicyVersion;
        var standard = request.Kind == ReviewOutcomeKind.StandardChange;
        var noChange = request.Kind == ReviewOutcomeKind.NoChange;
        Expect(errors, "policyId", policy, request.PolicyId is { } policyId && policyId != Guid.Empty, "The policy's id, with a policyVersion outcome only.");
        Expect(errors, "policyVersion", policy, request.PolicyVersion is >= 1, "The published version's number (from 1), with a policyVersion outcome only.");
        Expect(errors, "standardId", standard, request.StandardId is { } standardId && standardId != Guid.Empty, "The standard's id, with a standardChange outcome only.");
        Expect(errors, "standardVersion", standard, request.StandardVersion is >= 1, "The version of its terms (from 1), with a standardChange outcome only.");
        Expect(errors, "reason", noChange, !string.IsNullOrWhiteSpace(request.Reason), $"Why nothing changes, 1 to {ReviewOutcome.MaxReasonLength} characters, with a noChange outcome only.");
        if (request.Kind is null)
        {
            errors["kind"] = ["policyVersion, standardChange or noChange."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return request.Kind switch
        {
            ReviewOutcomeKind.PolicyVersion => ReviewOutcome.NewPolicyVersion(request.PolicyId!.Value, request.PolicyVersion!.Value),
            ReviewOutcomeKind.StandardChange => ReviewOutcome.ChangedStandard(request.StandardId!.Value, request.StandardVersion!.Value),
            _ => ReviewOutcome.NoChange(request.Reason!.Trim()),
        };
    }

    // A field belongs to one kind: required with it, refused with the others, so an outcome never says two things.
    private static void Expect(Dictionary<string, string[]> errors, string field, bool wanted, bool given, string rule)
    {
        if (wanted != given)
        {
            errors[field] = [rule];
        }
    }

    private static async Task<Dictionary<string, string[]>> CheckReferencesAsync(StandardsDbContext db, ReviewOutcome outcome, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (outcome is { Kind: ReviewOutcomeKind.PolicyVersion, PolicyId: { } policyId, PolicyVersion: { } number })
        {
            var status = await db.PolicyVersions.AsNoTracking()
                .Where(version => version.PolicyId == policyId && version.Number == number)
                .Select(version => (PolicyVersionStatus?)version.Status)
                .FirstOrDefaultAsync(cancellationToken);
            if (status is null)
            {
                if (!await db.Policies.AnyAsync(policy => policy.Id == policyId, cancellationToken))
                {
                    errors["policyId"] = [$"No policy with id {policyId} exists."];
                }
                else
                {
                    errors["policyVersion"] = [$"The policy has no version {number}."];
                }
            }
            else if (status != PolicyVersionStatus.Published)
            {
                errors["policyVersion"] = [$"Version {number} is {WireNames.Of(status.Value)}; only the published version (in force) can be the outcome."];
            }
        }
        else if (outcome is { Kind: ReviewOutcomeKind.StandardChange, StandardId: { } standardId, StandardVersion: { } version })
        {
            if (!await db.ServiceStandards.AnyAsync(standard => standard.Id == standardId, cancellationToken))
            {
                errors["standardId"] = [$"No standard with id {standardId} exists."];
            }
            else if (!await db.ServiceStandardVersions.AnyAsync(candidate => candidate.StandardId == standardId && candidate.Number == version, cancellationToken))
            {
                errors["standardVersion"] = [$"The standard has no version {version}."];
            }
        }

        return errors;
    }
}
