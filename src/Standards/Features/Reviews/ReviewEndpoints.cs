using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>The review action routes, and what their handlers share.</summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this RouteGroupBuilder standards)
    {
        var reviews = standards.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapListReviews();
        reviews.MapGetReview();
        reviews.MapUpdateReview();
        reviews.MapRecordReviewOutcome();
    }

    /// <summary>
    /// The review a request is about, or the problem that stops it: 404 when the business has no such review, 403 for a
    /// branch-restricted key and another branch's review.
    /// </summary>
    internal static async Task<(ReviewAction? Review, ProblemHttpResult? Problem)> FindAsync(
        StandardsDbContext db, TenantContext tenant, Guid reviewId, bool tracked, CancellationToken cancellationToken)
    {
        var reviews = tracked ? db.ReviewActions : db.ReviewActions.AsNoTracking();
        var review = await reviews.FirstOrDefaultAsync(candidate => candidate.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return (null, Problems.NotFound("review", reviewId));
        }

        return tenant.MayActFor(review.Branch) ? (review, null) : (null, Problems.OtherBranch(review.Branch));
    }

    internal static async Task<Ok<ReviewResponse>> OkAsync(
        HttpContext http, StandardsDbContext db, ReviewAction review, DateTimeOffset now, CancellationToken cancellationToken)
    {
        http.Response.Headers.ETag = ETags.From(review.Version);
        var responses = await ReviewReader.ReadAsync(db, [review], now, cancellationToken);
        return TypedResults.Ok(responses[0]);
    }
}
