namespace CustomerPlatform.Loyalty.Domain;

/// <summary>What a ledger entry did to the balance.</summary>
public enum LedgerEntryType
{
    Earn,
}
