using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.RecordFeedback;

public static class RecordFeedback
{
    public static void MapRecordFeedback(this RouteGroupBuilder group)
    {
        group.MapPost("", HandleAsync).WithName("RecordFeedback").WithIdempotency<FeedbackDbContext>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFeedback");
        group.MapListFeedback();
    }

    /// <summary>Records a feedback item and publishes <c>FeedbackReceived</c> for it.</summary>
    public static async Task<Results<Created<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var details = Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var item = FeedbackItem.Record(tenant.TenantId, request.CustomerId, request.Branch, details, now);
        db.FeedbackItems.Add(item);
        db.EnqueueEvent(FeedbackReceivedEvents.For(item), now);
        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.ResponsesRecorded.Add(1);
        return TypedResults.Created($"/api/v1/feedback/{item.Id}", FeedbackResponse.Of(item));
    }

    /// <summary>One feedback item; 404 for an unknown id (also another business's), 403 for another branch's with a branch key.</summary>
    /// <param name="id">The item's id.</param>
    public static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.AsNoTracking().FirstOrDefaultAsync(item => item.Id == id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound("feedback", id);
        }

        return tenant.MayActFor(item.Branch) ? TypedResults.Ok(FeedbackResponse.Of(item)) : Problems.OtherBranch(item.Branch);
    }

    private static FeedbackItemDetails Read(RecordFeedbackRequest request, Dictionary<string, string[]> errors)
    {
        // "comment" was the field's name before items had kinds; both are taken so existing clients keep working.
        var text = request.Text ?? request.Comment;
        if (request.Text is not null && request.Comment is not null && request.Text != request.Comment)
        {
            errors["text"] = ["Send text or comment (its former name), not both."];
        }

        var tags = FeedbackTags.Read(request.Tags, "tags", errors);
        var details = new FeedbackItemDetails(
            request.Kind ?? FeedbackKind.Rating,
            request.From ?? FeedbackFrom.Customer,
            request.StaffMember,
            request.About?.Type ?? FeedbackAboutType.Branch,
            request.About?.Reference,
            request.Channel,
            request.Rating,
            text,
            tags);
        FeedbackItem.Check(request.Branch, details, errors);
        return details;
    }
}
