namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>Who may read a note: staff only, or the customer too (a reply).</summary>
public enum NoteVisibility
{
    Internal,
    Customer,
}
