using MassTransit;

namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// Published by Feedback when a customer is invited to answer a survey. The platform sends no e-mail or SMS itself:
/// the business's own mailer or SMS tool subscribes to this event and sends <see cref="Url"/> on <see cref="Channel"/>.
/// The link can be answered once, until <see cref="ExpiresAt"/>; treat it as a secret (anyone holding it can answer).
/// </summary>
[MessageUrn("feedback.survey-invitation-created.v1")]
[EntityName("feedback.survey-invitation-created.v1")]
public sealed record SurveyInvitationCreated : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The invitation's id (also the event's de-duplication key).</summary>
    public required Guid InvitationId { get; init; }

    /// <summary>The survey template's id.</summary>
    public required Guid SurveyId { get; init; }

    /// <summary>The published version the customer will answer.</summary>
    public required int SurveyVersion { get; init; }

    /// <summary>The customer invited, when known (a Customers id: look up their address there).</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>Code of the branch the survey is about.</summary>
    public required string Branch { get; init; }

    /// <summary>How to send the link: <c>email</c> or <c>sms</c>; the customer's consent for it was checked.</summary>
    public required string Channel { get; init; }

    /// <summary>The BCP 47 language the page is in; write the message in it.</summary>
    public required string Language { get; init; }

    /// <summary>Why: <c>manual</c>, <c>purchase</c>, <c>serviceVisit</c> or <c>complaintFollowUp</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The purchase, service visit or complaint that caused it; absent for a manual invitation.</summary>
    public Guid? SourceId { get; init; }

    /// <summary>The survey page's link, absolute when the platform knows its public address.</summary>
    public required string Url { get; init; }

    /// <summary>When the link stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
