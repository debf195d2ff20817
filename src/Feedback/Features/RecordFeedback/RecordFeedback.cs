using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.RecordFeedback;

/// <summary>Records a rating with an optional comment.</summary>
/// <param name="CustomerId">The customer, when known.</param>
/// <param name="Branch">Code of the branch the feedback is about.</param>
/// <param name="Rating">Likelihood to recommend, 0 to 10.</param>
/// <param name="Comment">Optional free text.</param>
public sealed record RecordFeedbackRequest(
    Guid? CustomerId,
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Required, Range(FeedbackItem.MinRating, FeedbackItem.MaxRating)] int? Rating,
    [property: StringLength(FeedbackItem.MaxCommentLength)] string? Comment);

public sealed record FeedbackResponse(Guid Id, Guid? CustomerId, string Branch, int Rating, string? Comment, DateTimeOffset ReceivedAt)
{
    public static FeedbackResponse From(FeedbackItem item) =>
        new(item.Id, item.CustomerId, item.Branch, item.Rating, item.Comment, item.ReceivedAt);
}

public static class RecordFeedback
{
    public static void MapRecordFeedback(this RouteGroupBuilder group)
    {
        group.MapPost("", HandleAsync).WithName("RecordFeedback").WithIdempotency<FeedbackDbContext>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFeedback");
    }

    public static async Task<Results<Created<FeedbackResponse>, ProblemHttpResult>> HandleAsync(
        RecordFeedbackRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var now = clock.GetUtcNow();
        // Validation guarantees Rating is present before the handler runs.
        var item = FeedbackItem.Record(tenant.TenantId, request.CustomerId, request.Branch, request.Rating!.Value, request.Comment, now);
        db.FeedbackItems.Add(item);
        db.EnqueueEvent(new FeedbackReceived
        {
            TenantId = item.TenantId,
            FeedbackId = item.Id,
            CustomerId = item.CustomerId,
            Branch = item.Branch,
            Rating = item.Rating,
            Source = "rating",
            OccurredAt = item.ReceivedAt,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.ResponsesRecorded.Add(1);
        return TypedResults.Created($"/api/v1/feedback/{item.Id}", FeedbackResponse.From(item));
    }

    public static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> GetAsync(Guid id, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.AsNoTracking().FirstOrDefaultAsync(item => item.Id == id, cancellationToken);
        return item is null ? Problems.NotFound("feedback", id) : TypedResults.Ok(FeedbackResponse.From(item));
    }
}
