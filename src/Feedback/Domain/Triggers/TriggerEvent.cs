namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>What a survey trigger reacts to.</summary>
public enum TriggerEvent
{
    /// <summary>A purchase (<c>PurchaseRecorded</c>).</summary>
    Purchase,

    /// <summary>A service visit (<c>ServiceVisitRecorded</c>).</summary>
    ServiceVisit,

    /// <summary>A complaint resolved (<c>ComplaintResolved</c>): the follow-up survey.</summary>
    ComplaintResolved,
}
