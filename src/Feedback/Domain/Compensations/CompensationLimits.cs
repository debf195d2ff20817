namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>The most a role may grant of each type on its own authority: money in the business's currency, or points.</summary>
public sealed record CompensationLimits(decimal Refund, decimal CreditNote, decimal Replacement, long LoyaltyPoints)
{
    public decimal For(CompensationType type) => type switch
    {
        CompensationType.Refund => Refund,
        CompensationType.CreditNote => CreditNote,
        CompensationType.Replacement => Replacement,
        CompensationType.LoyaltyPoints => LoyaltyPoints,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown compensation type."),
    };

    public bool Covers(CompensationType type, decimal amount) => amount <= For(type);
}
