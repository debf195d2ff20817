using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Reviews;

public static class GetReview
{
    public static RouteHandlerBuilder MapGetReview(this RouteGroupBuilder group) =>
        group.MapGet("/{reviewId:guid}", HandleAsync).WithName("GetReview");

    /// <summary>The review with the failing, its branch's staff suggestions of the period, its outcome and how far the change reached the staff; its ETag for a change.</summary>
    public static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> HandleAsync(
        Guid reviewId, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (review, problem) = await ReviewEndpoints.FindAsync(db, tenant, reviewId, tracked: false, cancellationToken);
        return review is null ? problem! : await ReviewEndpoints.OkAsync(http, db, review, clock.GetUtcNow(), cancellationToken);
    }
}
