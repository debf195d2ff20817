namespace CustomerPlatform.Loyalty.Domain;

/// <summary>Whether a reward is still offered.</summary>
public enum RewardStatus
{
    /// <summary>In the catalogue; redeemable within its active window, at its branches, while stock lasts.</summary>
    Active,

    /// <summary>Retired: never redeemable again, kept so past redemptions still name it.</summary>
    Archived,
}
