using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Interactions;

/// <summary>Records a contact with a customer.</summary>
/// <param name="Channel">How it happened: inPerson, phone, email, web, social or letter.</param>
/// <param name="Purpose">Why: enquiry, informationRequest, purchase, service, complaint, followUp or other.</param>
/// <param name="Topics">Topic tags for the needs report: at most 20, each 1 to 50 characters; stored trimmed, lower case, without duplicates.</param>
/// <param name="Summary">What was said or done, up to 4000 characters.</param>
/// <param name="StaffMember">Who handled it, up to 100 characters.</param>
/// <param name="Branch">Code of the branch that handled it.</param>
/// <param name="OccurredAt">When it happened (UTC); now when omitted. At most 5 minutes ahead of the server's clock.</param>
/// <param name="FollowUpDueAt">When the business must follow up; not before <paramref name="OccurredAt"/>. No follow-up when omitted.</param>
public sealed record RecordInteractionRequest(
    [property: Required] InteractionChannel? Channel,
    [property: Required] InteractionPurpose? Purpose,
    IReadOnlyList<string?>? Topics,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Summary,
    [property: StringLength(100)] string? StaffMember,
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? FollowUpDueAt);

public static class RecordInteraction
{
    public static void MapRecordInteraction(this RouteGroupBuilder group)
    {
        group.MapPost("/{customerId:guid}/interactions", HandleAsync).WithName("RecordInteraction").WithIdempotency<CustomersDbContext>();
        group.MapGet("/{customerId:guid}/interactions/{interactionId:guid}", GetAsync).WithName("GetInteraction");
    }

    public static async Task<Results<Created<InteractionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        RecordInteractionRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var topics = InteractionTopics.Normalise(request.Topics, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        if (!await db.Customers.AnyAsync(customer => customer.Id == customerId, cancellationToken))
        {
            return Problems.NotFound("customer", customerId);
        }

        var now = clock.GetUtcNow();
        var interaction = Interaction.Record(
            tenant.TenantId,
            customerId,
            request.Channel!.Value,
            request.Purpose!.Value,
            topics,
            request.Summary,
            request.StaffMember,
            request.Branch,
            request.OccurredAt,
            request.FollowUpDueAt,
            now);
        db.Interactions.Add(interaction);
        db.EnqueueEvent(new InteractionRecorded
        {
            TenantId = interaction.TenantId,
            InteractionId = interaction.Id,
            CustomerId = interaction.CustomerId,
            Branch = interaction.Branch,
            Channel = WireNames.Of(interaction.Channel),
            Purpose = WireNames.Of(interaction.Purpose),
            Topics = interaction.Topics,
            StaffMember = interaction.StaffMember,
            FollowUpDueAt = interaction.FollowUpDueAt,
            OccurredAt = interaction.OccurredAt,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(interaction.Version);
        return TypedResults.Created(InteractionPath(customerId, interaction.Id), InteractionResponse.From(interaction));
    }

    public static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid interactionId, CustomersDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var interaction = await db.Interactions.AsNoTracking()
            .FirstOrDefaultAsync(interaction => interaction.Id == interactionId && interaction.CustomerId == customerId, cancellationToken);
        if (interaction is null)
        {
            return Problems.NotFound("interaction", interactionId);
        }

        http.Response.Headers.ETag = ETags.From(interaction.Version);
        return TypedResults.Ok(InteractionResponse.From(interaction));
    }

    internal static string InteractionPath(Guid customerId, Guid interactionId) =>
        $"/api/v1/customers/{customerId}/interactions/{interactionId}";
}
