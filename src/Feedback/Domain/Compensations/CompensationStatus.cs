namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>Where an offered compensation stands: pending until someone with enough authority decides it.</summary>
public enum CompensationStatus
{
    Pending,
    Approved,
    Declined,
}
