using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>Opens a complaint case (status received).</summary>
/// <param name="CustomerId">The customer who complained, when known.</param>
/// <param name="Branch">Code of the branch the complaint is about.</param>
/// <param name="Channel">How it reached the business: inPerson, phone, email, web, social or letter.</param>
/// <param name="Category">A code of the business's complaint categories (GET /complaint-categories).</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="Description">The complaint in the customer's or the recorder's words, up to 4000 characters.</param>
/// <param name="AssignedTo">Who works the case, up to 100 characters; unassigned when omitted.</param>
public sealed record OpenComplaintRequest(
    Guid? CustomerId,
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Required] ComplaintChannel? Channel,
    [property: Required, StringLength(Complaint.MaxCodeLength, MinimumLength = 1)] string Category,
    [property: Required] ComplaintSeverity? Severity,
    [property: Required, StringLength(Complaint.MaxDescriptionLength, MinimumLength = 1)] string Description,
    [property: StringLength(Complaint.MaxPersonLength)] string? AssignedTo);

public static class OpenComplaint
{
    public static void MapOpenComplaint(this RouteGroupBuilder group)
    {
        group.MapPost("/complaints", HandleAsync).WithName("OpenComplaint").WithIdempotency<FeedbackDbContext>();
        group.MapGet("/complaints/{id:guid}", GetAsync).WithName("GetComplaint");
    }

    /// <summary>
    /// Opens a case and publishes <c>ComplaintReceived</c>. Its acknowledge and resolve due times come from the
    /// business's complaint targets in force (pinned by version) on the branch's business hours.
    /// </summary>
    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        OpenComplaintRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["description"] = ["A complaint needs a description."] });
        }

        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var now = clock.GetUtcNow();
        var intake = new ComplaintIntake(
            request.CustomerId, request.Branch, request.Channel!.Value, request.Category, request.Severity!.Value, request.Description, request.AssignedTo);
        if (await ComplaintOpening.OpenAsync(db, tenant.TenantId, intake, now, cancellationToken) is not { } complaint)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["category"] = [ComplaintOpening.UnknownCategory] });
        }

        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.ComplaintsOpened.Add(1);

        http.Response.Headers.ETag = ETags.From(complaint.Version);
        return TypedResults.Created(ComplaintCases.PathOf(complaint.Id), ComplaintResponse.From(complaint, now));
    }

    /// <summary>The case with its transitions, notes, replies and attachments.</summary>
    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FeedbackDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintCases.ReadAsync(db, id, cancellationToken);
        if (complaint is null)
        {
            return Problems.NotFound("complaint", id);
        }

        http.Response.Headers.ETag = ETags.From(complaint.Version);
        return TypedResults.Ok(ComplaintResponse.From(complaint, clock.GetUtcNow()));
    }
}
