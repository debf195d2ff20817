namespace CustomerPlatform.Loyalty.Domain;

/// <summary>Where a redemption stands.</summary>
public enum RedemptionStatus
{
    /// <summary>The points were spent (and the reward, if any, handed over).</summary>
    Completed,

    /// <summary>Undone: the points were given back and the reward restocked.</summary>
    Voided,
}
