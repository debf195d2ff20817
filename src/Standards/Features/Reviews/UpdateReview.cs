using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>What to change in a review; a field left out (or null) stays as it is, an empty owner or notes clears it.</summary>
/// <param name="Owner">Who answers for the review, at most 200 characters.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Notes">The reviewer's notes, at most 4000 characters.</param>
public sealed record UpdateReviewRequest(
    [property: StringLength(ReviewAction.MaxOwnerLength)] string? Owner,
    DateOnly? DueOn,
    [property: StringLength(ReviewAction.MaxNotesLength)] string? Notes);

public static class UpdateReview
{
    public static RouteHandlerBuilder MapUpdateReview(this RouteGroupBuilder group) =>
        group.MapPatch("/{reviewId:guid}", HandleAsync).WithName("UpdateReview").RequiresIfMatch();

    /// <summary>Sets the review's owner, due date or notes; needs <c>If-Match</c> with the ETag last read.</summary>
    public static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid reviewId,
        UpdateReviewRequest request,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (review, problem) = await ReviewEndpoints.FindAsync(db, tenant, reviewId, tracked: true, cancellationToken);
        if (review is null)
        {
            return problem!;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(review.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        if (review.Change(request.Owner, request.DueOn, request.Notes, now))
        {
            // xmin is the concurrency token: a change committed since the read above makes this a 412.
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ReviewEndpoints.OkAsync(http, db, review, now, cancellationToken);
    }
}
