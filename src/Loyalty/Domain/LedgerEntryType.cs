namespace CustomerPlatform.Loyalty.Domain;

/// <summary>What a ledger entry did to the balance.</summary>
public enum LedgerEntryType
{
    /// <summary>Points credited: a purchase, a bonus, goodwill.</summary>
    Earn,

    /// <summary>Points spent on a reward or a discount.</summary>
    Redeem,

    /// <summary>A correction by staff, either way, with its reason and who made it.</summary>
    Adjust,

    /// <summary>Points that reached the end of their life unspent.</summary>
    Expire,

    /// <summary>An earlier entry undone: a refunded purchase, a voided redemption.</summary>
    Reverse,
}
