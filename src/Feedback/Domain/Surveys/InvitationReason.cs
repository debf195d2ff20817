namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>What made the platform invite the customer.</summary>
public enum InvitationReason
{
    /// <summary>Staff asked for an invitation through the API.</summary>
    Manual,

    /// <summary>A purchase (a <c>PurchaseRecorded</c> event).</summary>
    Purchase,

    /// <summary>A service visit (a <c>ServiceVisitRecorded</c> event).</summary>
    ServiceVisit,

    /// <summary>The follow-up survey after a complaint was resolved.</summary>
    ComplaintFollowUp,
}
