namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>What a business offers a complaining customer; loyalty points are counted in points, the rest in money.</summary>
public enum CompensationType
{
    Refund,
    CreditNote,
    Replacement,
    LoyaltyPoints,
}
