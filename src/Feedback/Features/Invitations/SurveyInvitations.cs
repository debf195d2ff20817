using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Invitations;

/// <summary>What an invitation is for, whoever asks for it: staff through the API, or a trigger.</summary>
/// <param name="SurveyId">The survey; its latest published version is answered.</param>
/// <param name="CustomerId">The customer invited, when known.</param>
/// <param name="Branch">The branch the survey is about.</param>
/// <param name="Channel">How the business's tool will send the link.</param>
/// <param name="Language">The language wanted; the version's default when absent or not fully translated.</param>
/// <param name="Reason">Why the customer is invited.</param>
/// <param name="SourceId">The purchase, visit or complaint behind it.</param>
/// <param name="Lifetime">How long the link works.</param>
public sealed record InvitationRequest(
    Guid SurveyId,
    Guid? CustomerId,
    string Branch,
    InvitationChannel Channel,
    string? Language,
    InvitationReason Reason,
    Guid? SourceId,
    TimeSpan Lifetime);

/// <summary>
/// The one way an invitation is made: against the survey's latest published version, with its
/// <see cref="SurveyInvitationCreated"/> in the outbox. The caller saves.
/// </summary>
public sealed class SurveyInvitations(FeedbackDbContext db, SurveyLinks links)
{
    /// <summary>
    /// Adds the invitation and its event; throws 409 <c>survey-not-published</c> or <c>survey-archived</c>, 422
    /// <c>survey-not-for-branch</c>. Null when the survey does not exist in the business.
    /// </summary>
    public async Task<SurveyInvitation?> CreateAsync(InvitationRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(template => template.Id == request.SurveyId, cancellationToken);
        if (template is null)
        {
            return null;
        }

        SurveySubmission.EnsureOpen(template.Status);
        var version = await db.SurveyVersions.AsNoTracking()
            .FirstAsync(version => version.SurveyId == template.Id && version.Number == template.PublishedVersion, cancellationToken);
        var invitation = SurveyInvitation.Create(
            version, request.CustomerId, request.Branch, request.Channel, request.Language, request.Reason, request.SourceId, request.Lifetime, now);
        db.SurveyInvitations.Add(invitation);
        db.EnqueueEvent(new SurveyInvitationCreated
        {
            TenantId = invitation.TenantId,
            InvitationId = invitation.Id,
            SurveyId = invitation.SurveyId,
            SurveyVersion = invitation.SurveyVersion,
            CustomerId = invitation.CustomerId,
            Branch = invitation.Branch,
            Channel = WireNames.Of(invitation.Channel),
            Language = invitation.Language,
            Reason = WireNames.Of(invitation.Reason),
            SourceId = invitation.SourceId,
            Url = links.UrlOf(invitation.Id),
            ExpiresAt = invitation.ExpiresAt,
            OccurredAt = now,
        }, now);
        return invitation;
    }
}
