namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>Where an invitation stands: its link can be answered once, until it expires.</summary>
public enum InvitationStatus
{
    Pending,
    Responded,
    Expired,
}
