using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.Invitations;

/// <summary>An invitation to answer a survey once through its link.</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="SurveyId">The survey.</param>
/// <param name="Version">The published version the customer answers.</param>
/// <param name="CustomerId">The customer invited, when known.</param>
/// <param name="Branch">The branch the survey is about.</param>
/// <param name="Channel">How the business's tool sends the link.</param>
/// <param name="Language">The language of the page.</param>
/// <param name="Reason">Why the customer was invited.</param>
/// <param name="SourceId">The purchase, visit or complaint behind it.</param>
/// <param name="Url">The survey page's link (a secret: whoever holds it can answer).</param>
/// <param name="Status">pending, responded or expired.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="RespondedAt">When it was answered.</param>
/// <param name="ResponseId">The response given through it.</param>
public sealed record InvitationResponse(
    Guid Id,
    Guid SurveyId,
    int Version,
    Guid? CustomerId,
    string Branch,
    InvitationChannel Channel,
    string Language,
    InvitationReason Reason,
    Guid? SourceId,
    string Url,
    InvitationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RespondedAt,
    Guid? ResponseId)
{
    public static InvitationResponse From(SurveyInvitation invitation, SurveyLinks links, DateTimeOffset now) => new(
        invitation.Id,
        invitation.SurveyId,
        invitation.SurveyVersion,
        invitation.CustomerId,
        invitation.Branch,
        invitation.Channel,
        invitation.Language,
        invitation.Reason,
        invitation.SourceId,
        links.UrlOf(invitation.Id),
        invitation.StatusAt(now),
        invitation.CreatedAt,
        invitation.ExpiresAt,
        invitation.RespondedAt,
        invitation.ResponseId);
}
