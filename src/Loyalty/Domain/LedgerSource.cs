namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// What caused a ledger entry; with <see cref="LedgerEntry.SourceId"/> it names the event or request, and the
/// pair is unique per entry type, so a redelivered event or a retried request never posts twice.
/// </summary>
public enum LedgerSource
{
    /// <summary>A purchase (the source id is the purchase id).</summary>
    Purchase,

    /// <summary>The bonus for a customer's first purchase (the purchase id).</summary>
    FirstPurchase,

    /// <summary>The bonus for answering a survey or leaving feedback (the response or item id).</summary>
    FeedbackResponse,

    /// <summary>The bonus for referring a new customer (the referred customer's id).</summary>
    Referral,

    /// <summary>The birthday bonus (an id derived from the account and the year).</summary>
    Birthday,

    /// <summary>Goodwill approved on a complaint (the complaint id).</summary>
    Compensation,

    /// <summary>A refund of a purchase (the refund id).</summary>
    Refund,

    /// <summary>A redemption (the redemption id).</summary>
    Redemption,

    /// <summary>The void of a redemption (the redemption id).</summary>
    RedemptionVoid,

    /// <summary>A staff adjustment (the adjustment request's id).</summary>
    Adjustment,

    /// <summary>Expiry of earned points (the expired entry's id).</summary>
    Expiry,

    /// <summary>Points moved in from a merged account (the merged-away account's id).</summary>
    Merge,

    /// <summary>
    /// Points moved out to the surviving account when this account's customer was merged away (this account's own
    /// id: several accounts may merge into one survivor, and the source id is unique per type and source).
    /// </summary>
    MergedAway,
}
