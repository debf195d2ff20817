using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Interactions;

/// <summary>Marks an interaction's follow-up done.</summary>
/// <param name="CompletedBy">Who followed up, up to 100 characters.</param>
/// <param name="Note">What was done, up to 2000 characters.</param>
public sealed record CompleteFollowUpRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string CompletedBy,
    [property: StringLength(2000)] string? Note);

public static class CompleteFollowUp
{
    public static RouteHandlerBuilder MapCompleteFollowUp(this RouteGroupBuilder group) =>
        group.MapPost("/{customerId:guid}/interactions/{interactionId:guid}/follow-up/complete", HandleAsync).WithName("CompleteFollowUp");

    /// <summary>
    /// Completes the follow-up (409 <c>no-follow-up</c> when the interaction has none). Completing it again is
    /// harmless: the first completion stands, is returned, and nothing is published twice.
    /// </summary>
    public static async Task<Results<Ok<InteractionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        Guid interactionId,
        CompleteFollowUpRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var interaction = await db.Interactions
            .FirstOrDefaultAsync(interaction => interaction.Id == interactionId && interaction.CustomerId == customerId, cancellationToken);
        if (interaction is null)
        {
            return Problems.NotFound("interaction", interactionId);
        }

        if (!tenant.MayActFor(interaction.Branch))
        {
            return Problems.OtherBranch(interaction.Branch);
        }

        var now = clock.GetUtcNow();
        if (interaction.CompleteFollowUp(request.CompletedBy, request.Note, now))
        {
            db.EnqueueEvent(new FollowUpCompleted
            {
                TenantId = interaction.TenantId,
                InteractionId = interaction.Id,
                CustomerId = interaction.CustomerId,
                Branch = interaction.Branch,
                StaffMember = interaction.StaffMember,
                FollowUpDueAt = interaction.FollowUpDueAt!.Value,
                CompletedBy = interaction.FollowUpCompletedBy!,
                OccurredAt = now,
            }, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request completed it first and published; ours rolled back whole, event included.
                db.ChangeTracker.Clear();
                interaction = await db.Interactions.AsNoTracking().FirstAsync(found => found.Id == interactionId, cancellationToken);
                if (interaction.FollowUpCompletedAt is null)
                {
                    throw;
                }
            }
        }

        http.Response.Headers.ETag = ETags.From(interaction.Version);
        return TypedResults.Ok(InteractionResponse.From(interaction));
    }
}
