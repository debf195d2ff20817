namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// How the business's own tool will send an invitation's link. The platform sends nothing itself; the channel decides
/// whose consent is needed (the customer's consent for that channel, from Customers).
/// </summary>
public enum InvitationChannel
{
    Email,
    Sms,
}
