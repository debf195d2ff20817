namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>What a tier's threshold counts.</summary>
public enum TierBasis
{
    /// <summary>Points earned within the tier's window.</summary>
    Points,

    /// <summary>Money spent within the tier's window.</summary>
    Spend,
}
