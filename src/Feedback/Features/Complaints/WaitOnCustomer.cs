using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>Pausing and restarting a case's resolution clock while the business waits on the customer.</summary>
public static class WaitOnCustomer
{
    public static void MapWaitOnCustomer(this RouteGroupBuilder group)
    {
        group.MapPost("/complaints/{id:guid}/waiting-on-customer", WaitAsync).WithName("WaitOnCustomer").RequiresIfMatch()
            .WithSummary("Pauses the resolution clock until the case is resumed (or resolved or closed); needs If-Match.")
            .WithDescription("Only for an acknowledged, investigating or reopened case that is not waiting already; otherwise 409 cannot-wait-on-customer.");
        group.MapPost("/complaints/{id:guid}/resume", ResumeAsync).WithName("ResumeComplaint").RequiresIfMatch()
            .WithSummary("Restarts the resolution clock; the resolve due time moves by the business time spent waiting. Needs If-Match.")
            .WithDescription("409 not-waiting when the case is not waiting on the customer.");
    }

    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> WaitAsync(
        Guid id, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: true, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        // Added explicitly: reached only through the navigation, a row with its key already set is taken for an existing one.
        var now = clock.GetUtcNow();
        db.ComplaintWaits.Add(complaint.WaitOnCustomer(now));
        ComplaintEvents.EnqueueWaiting(db, complaint, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }

    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> ResumeAsync(
        Guid id, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: true, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        var waitedSince = complaint.WaitingSince;
        complaint.Resume(now, await BranchDirectory.CalendarOfAsync(db, complaint.Branch, cancellationToken));
        // Resume throws unless the case was waiting, so the wait's start is known here.
        ComplaintEvents.EnqueueResumed(db, complaint, waitedSince!.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ComplaintCases.RespondAsync(db, http, id, cancellationToken));
    }
}
