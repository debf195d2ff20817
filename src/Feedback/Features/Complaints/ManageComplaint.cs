using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>Who works the case.</summary>
/// <param name="AssignedTo">Up to 100 characters; null or omitted unassigns it.</param>
public sealed record AssignComplaintRequest([property: StringLength(Complaint.MaxPersonLength)] string? AssignedTo);

/// <summary>What the investigation found the complaint came from.</summary>
/// <param name="RootCause">A code of the business's root causes (GET /complaint-root-causes); null or omitted clears it.</param>
public sealed record SetComplaintRootCauseRequest([property: StringLength(Complaint.MaxCodeLength)] string? RootCause);

/// <summary>Assignment and root cause: plain updates of a case, each with <c>If-Match</c>.</summary>
public static class ManageComplaint
{
    public static void MapManageComplaint(this RouteGroupBuilder group)
    {
        group.MapPut("/complaints/{id:guid}/assignment", AssignAsync).WithName("AssignComplaint").RequiresIfMatch();
        group.MapPut("/complaints/{id:guid}/root-cause", SetRootCauseAsync).WithName("SetComplaintRootCause").RequiresIfMatch();
    }

    /// <summary>Assigns (or unassigns) the case; needs <c>If-Match</c> with the ETag last read.</summary>
    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> AssignAsync(
        Guid id, AssignComplaintRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: true, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        complaint.AssignTo(request.AssignedTo, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }

    /// <summary>Sets (or clears) the root cause; needs <c>If-Match</c> with the ETag last read.</summary>
    public static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> SetRootCauseAsync(
        Guid id, SetComplaintRootCauseRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: true, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        if (!string.IsNullOrWhiteSpace(request.RootCause)
            && !await ComplaintCodeLists.ExistsAsync(ComplaintCodeKind.RootCause, request.RootCause, db, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["rootCause"] = ["Not one of the business's root causes (see GET /api/v1/feedback/complaint-root-causes)."],
            });
        }

        complaint.SetRootCause(request.RootCause, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }
}
