using CustomerPlatform.Loyalty.Domain;

namespace CustomerPlatform.Loyalty.Features.Ledger;

/// <summary>One ledger entry with everything it records.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="AccountId">The account it belongs to.</param>
/// <param name="Type">What it did to the balance: earn, redeem, adjust, expire or reverse.</param>
/// <param name="Source">What caused it: purchase, compensation, refund, adjustment, merge, mergedAway, ...</param>
/// <param name="SourceId">The id of what caused it (the purchase, the refund, the compensation, the adjustment, the merged-away account).</param>
/// <param name="Points">Signed points moved: positive credits, negative debits.</param>
/// <param name="BalanceAfter">The account's balance after the entry.</param>
/// <param name="Shortfall">Points a debit could not take because they were already spent; zero otherwise.</param>
/// <param name="RuleVersion">The program version whose rules computed the points; 0 for the built-in default.</param>
/// <param name="Reason">Why, for adjustments, goodwill and merges.</param>
/// <param name="Actor">Who made it, for staff adjustments (the API key id) and goodwill (the approving role).</param>
/// <param name="Branch">The branch code where it happened.</param>
/// <param name="ReversedEntryId">For a reversal, the entry it undoes.</param>
/// <param name="AvailableAt">When earned points become spendable; pending until then.</param>
/// <param name="OccurredAt">When the cause happened.</param>
/// <param name="RecordedAt">When the entry was written.</param>
public sealed record LedgerLineResponse(
    Guid Id,
    Guid AccountId,
    LedgerEntryType Type,
    LedgerSource Source,
    Guid SourceId,
    long Points,
    long BalanceAfter,
    long Shortfall,
    int RuleVersion,
    string? Reason,
    string? Actor,
    string? Branch,
    Guid? ReversedEntryId,
    DateTimeOffset AvailableAt,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>For a credit, when what is left of it unspent expires, fixed when it was credited; null: never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public static LedgerLineResponse From(LedgerEntry entry) =>
        new(
            entry.Id,
            entry.AccountId,
            entry.Type,
            entry.Source,
            entry.SourceId,
            entry.Points,
            entry.BalanceAfter,
            entry.Shortfall,
            entry.RuleVersion,
            entry.Reason,
            entry.Actor,
            entry.Branch,
            entry.ReversedEntryId,
            entry.AvailableAt,
            entry.OccurredAt,
            entry.RecordedAt)
        {
            ExpiresAt = entry.ExpiresAt,
        };
}

/// <summary>A page of ledger entries, newest first.</summary>
/// <param name="Items">The entries on this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last.</param>
public sealed record LedgerPageResponse(IReadOnlyList<LedgerLineResponse> Items, string? NextCursor);
