namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>How the complaint reached the business.</summary>
public enum ComplaintChannel
{
    InPerson,
    Phone,
    Email,
    Web,
    Social,
    Letter,
}
