using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>Approval of pending compensation by a role whose limit covers it.</summary>
/// <param name="ApprovedBy">Who approves, 1 to 100 characters.</param>
/// <param name="Role">Their role, one of the business's roles.</param>
public sealed record ApproveCompensationRequest(string? ApprovedBy, string? Role);

/// <summary>Refusal of pending compensation.</summary>
/// <param name="By">Who declines, 1 to 100 characters.</param>
/// <param name="Reason">Why, 1 to 2000 characters; erased with the customer.</param>
public sealed record DeclineCompensationRequest(string? By, string? Reason);

/// <summary>
/// Deciding pending compensation. The compensation's own row version, not the case's ETag, guards against two
/// deciders racing, so deciding does not disturb people working the case.
/// </summary>
public static class DecideCompensation
{
    public static void MapDecideCompensation(this RouteGroupBuilder group)
    {
        group.MapPost("/complaints/{id:guid}/compensations/{compensationId:guid}/approve", ApproveAsync).WithName("ApproveCompensation")
            .WithSummary("Approves pending compensation; 422 compensation-above-authority-limit when the role's limit does not cover it.");
        group.MapPost("/complaints/{id:guid}/compensations/{compensationId:guid}/decline", DeclineAsync).WithName("DeclineCompensation")
            .WithSummary("Declines pending compensation.");
    }

    public static async Task<Results<Ok<CompensationResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, Guid compensationId, ApproveCompensationRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CompensationRoles.RequireText(errors, "approvedBy", request.ApprovedBy, Compensation.MaxPersonLength);
        CompensationRoles.RequireText(errors, "role", request.Role, CompensationAuthority.MaxRoleLength);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (complaint, compensation, problem) = await FindAsync(db, tenant, http, id, compensationId, cancellationToken);
        if (compensation is null)
        {
            return problem!;
        }

        var authority = await CompensationLimitsEndpoints.FindRoleAsync(db, request.Role!, cancellationToken);
        if (authority is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [CompensationRoles.Unknown] });
        }

        var now = clock.GetUtcNow();
        compensation.Approve(request.ApprovedBy!, authority, now);
        CompensationEvents.EnqueueApproved(db, complaint!, compensation, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CompensationResponse.From(compensation));
    }

    public static async Task<Results<Ok<CompensationResponse>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, Guid compensationId, DeclineCompensationRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CompensationRoles.RequireText(errors, "by", request.By, Compensation.MaxPersonLength);
        CompensationRoles.RequireText(errors, "reason", request.Reason, Compensation.MaxReasonLength);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (_, compensation, problem) = await FindAsync(db, tenant, http, id, compensationId, cancellationToken);
        if (compensation is null)
        {
            return problem!;
        }

        compensation.Decline(request.By!, request.Reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CompensationResponse.From(compensation));
    }

    private static async Task<(Domain.Complaints.Complaint? Complaint, Compensation? Compensation, ProblemHttpResult? Problem)> FindAsync(
        FeedbackDbContext db, TenantContext tenant, HttpContext http, Guid id, Guid compensationId, CancellationToken cancellationToken)
    {
        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: false, cancellationToken);
        if (complaint is null)
        {
            return (null, null, problem);
        }

        var compensation = await db.Compensations
            .FirstOrDefaultAsync(compensation => compensation.Id == compensationId && compensation.ComplaintId == id, cancellationToken);
        return compensation is null ? (null, null, Problems.NotFound("compensation", compensationId)) : (complaint, compensation, null);
    }
}
