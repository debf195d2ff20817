using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>Moves a case on in its workflow.</summary>
/// <param name="To">acknowledged, investigating, resolved, closed, reopened or escalated; the case's allowedTransitions name which apply now.</param>
/// <param name="Note">Why, up to 4000 characters (kept in the history, erased with the customer).</param>
/// <param name="ExternalBody">For an escalation (required then): the body the dispute is with, up to 200 characters.</param>
/// <param name="ExternalReference">For an escalation (required then): that body's reference, up to 200 characters.</param>
public sealed record TransitionComplaintRequest(
    [property: Required] ComplaintStatus? To,
    [property: StringLength(ComplaintTransition.MaxNoteLength)] string? Note,
    [property: StringLength(Complaint.MaxExternalLength)] string? ExternalBody,
    [property: StringLength(Complaint.MaxExternalLength)] string? ExternalReference);

public static class TransitionComplaint
{
    public static RouteHandlerBuilder MapTransitionComplaint(this RouteGroupBuilder group) =>
        group.MapPost("/complaints/{id:guid}/transitions", HandleAsync).WithName("TransitionComplaint").RequiresIfMatch();

    /// <summary>
    /// Applies one transition (needs <c>If-Match</c>) and publishes its event; a transition the workflow does not allow
    /// from the current status is a 409 <c>invalid-transition</c> whose <c>allowed</c> names those that are.
    /// </summary>
    public static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, TransitionComplaintRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var to = request.To!.Value;
        var errors = new Dictionary<string, string[]>();
        if (to == ComplaintStatus.Received)
        {
            errors["to"] = ["A case is received only when it is opened."];
        }

        if (to == ComplaintStatus.Escalated)
        {
            if (string.IsNullOrWhiteSpace(request.ExternalBody))
            {
                errors["externalBody"] = ["An escalation names the external body the dispute is with."];
            }

            if (string.IsNullOrWhiteSpace(request.ExternalReference))
            {
                errors["externalReference"] = ["An escalation gives the external body's reference."];
            }
        }
        else if (request.ExternalBody is not null || request.ExternalReference is not null)
        {
            errors[request.ExternalBody is not null ? "externalBody" : "externalReference"] = ["Only an escalation names an external body."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: true, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        if (!ComplaintWorkflow.IsAllowed(complaint.Status, to))
        {
            var allowed = ComplaintWorkflow.AllowedFrom(complaint.Status).Select(status => WireNames.Of(status)).ToArray();
            return TypedResults.Problem(
                title: $"A complaint that is {WireNames.Of(complaint.Status)} cannot move to {WireNames.Of(to)}.",
                detail: $"Allowed from {WireNames.Of(complaint.Status)}: {string.Join(", ", allowed)}.",
                statusCode: StatusCodes.Status409Conflict,
                type: ProblemTypes.For("invalid-transition"),
                extensions: new Dictionary<string, object?> { ["currentStatus"] = WireNames.Of(complaint.Status), ["allowed"] = allowed });
        }

        var now = clock.GetUtcNow();
        var calendar = await BranchDirectory.CalendarOfAsync(db, complaint.Branch, cancellationToken);
        db.ComplaintTransitions.Add(complaint.TransitionTo(to, request.Note, request.ExternalBody, request.ExternalReference, now, calendar));
        ComplaintEvents.Enqueue(db, complaint, now);
        // xmin is the concurrency token: a transition committed since the read makes this a 412, and nothing is published.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }
}
