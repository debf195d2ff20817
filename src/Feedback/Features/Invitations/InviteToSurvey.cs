using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Invitations;

/// <summary>An invitation staff ask for: the business's own tool then sends its link.</summary>
/// <param name="CustomerId">The customer invited, when known.</param>
/// <param name="Branch">Code of the branch the survey is about.</param>
/// <param name="Channel">How the link will be sent: email or sms.</param>
/// <param name="Language">The BCP 47 language wanted; the survey's default when absent or when not every question has a text in it.</param>
/// <param name="ExpiresInDays">How many days the link works, 1 to 90 (default 14).</param>
public sealed record InviteToSurveyRequest(
    Guid? CustomerId,
    [property: Required, StringLength(SurveyInvitation.MaxBranchLength, MinimumLength = 1)] string Branch,
    [property: Required] InvitationChannel? Channel,
    [property: StringLength(SurveyContent.MaxLanguageTagLength)] string? Language,
    [property: Range(1, 90)] int? ExpiresInDays);

public static class InviteToSurvey
{
    public const string BasePath = "/api/v1/feedback/invitations";

    public static void MapInvitations(this RouteGroupBuilder feedback)
    {
        feedback.MapGroup("/surveys/{surveyId:guid}/invitations").WithTags("Survey invitations")
            .MapPost("", HandleAsync).WithName("InviteToSurvey").WithIdempotency<FeedbackDbContext>();
        feedback.MapGroup("/invitations").WithTags("Survey invitations")
            .MapGet("/{id:guid}", GetAsync).WithName("GetSurveyInvitation");
    }

    /// <summary>
    /// Invites a customer to answer the survey's latest published version once; publishes <c>SurveyInvitationCreated</c>
    /// with the link for the business's mailer or SMS tool (the platform sends nothing itself). 409
    /// <c>survey-not-published</c> or <c>survey-archived</c>; 422 <c>survey-not-for-branch</c>.
    /// </summary>
    public static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
        InviteToSurveyRequest request,
        FeedbackDbContext db,
        SurveyInvitations invitations,
        SurveyLinks links,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Language is not null && !SurveyContent.IsLanguageTag(request.Language.Trim()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["A BCP 47 language tag such as en-GB."] });
        }

        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var now = clock.GetUtcNow();
        // Validation guarantees Channel is present before the handler runs.
        var invitation = await invitations.CreateAsync(
            new InvitationRequest(
                surveyId,
                request.CustomerId,
                request.Branch,
                request.Channel!.Value,
                request.Language,
                InvitationReason.Manual,
                SourceId: null,
                request.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : SurveyInvitation.DefaultLifetime),
            now,
            cancellationToken);
        if (invitation is null)
        {
            return Problems.NotFound("survey", surveyId);
        }

        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.InvitationsCreated.Add(1, new KeyValuePair<string, object?>("reason", "manual"));
        return TypedResults.Created($"{BasePath}/{invitation.Id}", InvitationResponse.From(invitation, links, now));
    }

    /// <summary>An invitation and whether it was answered; 403 for a key restricted to another branch.</summary>
    public static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FeedbackDbContext db, SurveyLinks links, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(invitation => invitation.Id == id, cancellationToken);
        if (invitation is null)
        {
            return Problems.NotFound("invitation", id);
        }

        return tenant.MayActFor(invitation.Branch)
            ? TypedResults.Ok(InvitationResponse.From(invitation, links, clock.GetUtcNow()))
            : Problems.OtherBranch(invitation.Branch);
    }
}
