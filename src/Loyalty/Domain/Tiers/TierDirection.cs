namespace CustomerPlatform.Loyalty.Domain.Tiers;

/// <summary>Which way a tier change went.</summary>
public enum TierDirection
{
    /// <summary>To a higher tier, or to a first one.</summary>
    Up,

    /// <summary>To a lower tier, or to none.</summary>
    Down,
}
