namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Where a complaint is in its workflow (see <see cref="ComplaintWorkflow"/>).</summary>
public enum ComplaintStatus
{
    Received,
    Acknowledged,
    Investigating,
    Resolved,
    Closed,
    Reopened,
    Escalated,
}
