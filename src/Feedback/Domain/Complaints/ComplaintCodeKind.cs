namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Which of the business's own complaint lists a code belongs to.</summary>
public enum ComplaintCodeKind
{
    Category,
    RootCause,
}
