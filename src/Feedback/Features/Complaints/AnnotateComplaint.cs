using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>A note on the case.</summary>
/// <param name="Visibility">internal (staff only) or customer (a reply the customer sees).</param>
/// <param name="Text">The note, 1 to 4000 characters.</param>
/// <param name="Author">Who wrote it, 1 to 100 characters.</param>
public sealed record AddComplaintNoteRequest(
    [property: Required] NoteVisibility? Visibility,
    [property: Required, StringLength(ComplaintNote.MaxTextLength, MinimumLength = 1)] string Text,
    [property: Required, StringLength(Complaint.MaxPersonLength, MinimumLength = 1)] string Author);

/// <summary>A link to evidence held elsewhere.</summary>
/// <param name="Url">An absolute https URL, up to 2000 characters.</param>
/// <param name="Title">What it is, 1 to 200 characters.</param>
public sealed record AddComplaintAttachmentRequest(
    [property: Required, StringLength(ComplaintAttachment.MaxUrlLength, MinimumLength = 1)] string Url,
    [property: Required, StringLength(ComplaintAttachment.MaxTitleLength, MinimumLength = 1)] string Title);

/// <summary>
/// Notes, replies and attachments are added beside the case rather than changing it, so they need no <c>If-Match</c>
/// and do not change the case's ETag; they are creations, so they take an <c>Idempotency-Key</c>.
/// </summary>
public static class AnnotateComplaint
{
    public static void MapAnnotateComplaint(this RouteGroupBuilder group)
    {
        group.MapPost("/complaints/{id:guid}/notes", AddNoteAsync).WithName("AddComplaintNote").WithIdempotency<FeedbackDbContext>();
        group.MapPost("/complaints/{id:guid}/attachments", AddAttachmentAsync).WithName("AddComplaintAttachment").WithIdempotency<FeedbackDbContext>();
    }

    /// <summary>Adds an internal note or a customer-facing reply; 201 with the case.</summary>
    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        Guid id, AddComplaintNoteRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["A note needs a text."];
        }

        if (string.IsNullOrWhiteSpace(request.Author))
        {
            errors["author"] = ["A note needs an author."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: false, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        db.ComplaintNotes.Add(ComplaintNote.Write(complaint, request.Visibility!.Value, request.Text, request.Author, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(ComplaintCases.PathOf(id), await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }

    /// <summary>Attaches an https link; 201 with the case.</summary>
    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> AddAttachmentAsync(
        Guid id, AddComplaintAttachmentRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ComplaintAttachment.IsAcceptableUrl(request.Url))
        {
            errors["url"] = ["An absolute https URL."];
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["An attachment needs a title."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: false, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        db.ComplaintAttachments.Add(ComplaintAttachment.Attach(complaint, request.Url, request.Title, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(ComplaintCases.PathOf(id), await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }
}
