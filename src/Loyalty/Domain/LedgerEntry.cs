using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// One append-only line of an account's ledger. <see cref="Source"/> and <see cref="SourceId"/> name what
/// caused it (for a purchase, the purchase id) and are unique per type, so the same cause can never post twice.
/// </summary>
public sealed class LedgerEntry : ITenantOwned
{
    private LedgerEntry()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid AccountId { get; private init; }
    public LedgerEntryType Type { get; private init; }

    /// <summary>Signed: positive credits, negative debits.</summary>
    public long Points { get; private init; }

    public long BalanceAfter { get; private init; }
    public LedgerSource Source { get; private init; }
    public Guid SourceId { get; private init; }
    public string? Branch { get; private init; }

    /// <summary>The loyalty program version whose rules produced the entry; 0 for the built-in default rules.</summary>
    public int RuleVersion { get; private init; }

    /// <summary>Why, for adjustments and goodwill; free text from staff.</summary>
    public string? Reason { get; private init; }

    /// <summary>Who made it, for entries requested by staff (the API key or staff member).</summary>
    public string? Actor { get; private init; }

    /// <summary>
    /// Points a debit could not take because the balance would have gone below zero (a refund of points already
    /// spent): the balance stops at zero and the shortfall is recorded here instead.
    /// </summary>
    public long Shortfall { get; private init; }

    /// <summary>When earned points become spendable; until then they are pending.</summary>
    public DateTimeOffset AvailableAt { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>For a purchase's earn entry, the amount paid: a partial refund takes back its share of the points.</summary>
    public decimal? PurchaseAmount { get; private init; }

    /// <summary>For a reversal, the entry it undoes (a refunded purchase's earn entry), so partial refunds add up.</summary>
    public Guid? ReversedEntryId { get; private init; }

    /// <summary>
    /// For a credit, when whatever is left of it unspent expires; null: never. Fixed when it is posted, from the rules
    /// in force then, so changing the program never changes it.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; private init; }

    /// <summary>For a credit that expires, when the customer is told (PointsExpiring); null: no notice.</summary>
    public DateTimeOffset? ExpiryNoticeAt { get; private init; }

    internal static LedgerEntry Create(LoyaltyAccount account, LedgerPosting posting, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = account.TenantId,
            AccountId = account.Id,
            Type = posting.Type,
            Points = posting.Points,
            BalanceAfter = account.Balance,
            Source = posting.Source,
            SourceId = posting.SourceId,
            Branch = posting.Branch,
            RuleVersion = posting.RuleVersion,
            Reason = posting.Reason,
            Actor = posting.Actor,
            Shortfall = posting.Shortfall,
            AvailableAt = posting.AvailableAt ?? now,
            OccurredAt = posting.OccurredAt,
            RecordedAt = now,
            PurchaseAmount = posting.PurchaseAmount,
            ReversedEntryId = posting.ReversedEntryId,
            ExpiresAt = posting.Points > 0 ? posting.ExpiresAt : null,
            ExpiryNoticeAt = posting.Points > 0 && posting.ExpiresAt is not null ? posting.ExpiryNoticeAt : null,
        };
}

/// <summary>What to post to an account's ledger; <see cref="LoyaltyAccount.Post"/> applies it.</summary>
/// <param name="Type">What the entry does to the balance.</param>
/// <param name="Points">Signed points: positive credits, negative debits.</param>
/// <param name="Source">What caused it.</param>
/// <param name="SourceId">The id of what caused it; unique per type and source.</param>
/// <param name="Branch">The branch code where it happened.</param>
/// <param name="OccurredAt">When the cause happened.</param>
public sealed record LedgerPosting(
    LedgerEntryType Type,
    long Points,
    LedgerSource Source,
    Guid SourceId,
    string? Branch,
    DateTimeOffset OccurredAt)
{
    /// <summary>The program version whose rules computed the points; 0 for the built-in default.</summary>
    public int RuleVersion { get; init; }

    /// <summary>Why, for adjustments and goodwill.</summary>
    public string? Reason { get; init; }

    /// <summary>Who asked for it, for staff requests.</summary>
    public string? Actor { get; init; }

    /// <summary>Points a debit could not take (see <see cref="LedgerEntry.Shortfall"/>); set by the account.</summary>
    public long Shortfall { get; init; }

    /// <summary>When earned points become spendable; now when not set.</summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>For a purchase's earn, the amount paid (see <see cref="LedgerEntry.PurchaseAmount"/>).</summary>
    public decimal? PurchaseAmount { get; init; }

    /// <summary>For a reversal, the entry it undoes (see <see cref="LedgerEntry.ReversedEntryId"/>).</summary>
    public Guid? ReversedEntryId { get; init; }

    /// <summary>For a credit, when it expires (see <see cref="LedgerEntry.ExpiresAt"/>); set with <c>ExpiryRule.Fix</c>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>For a credit that expires, when the customer is told (see <see cref="LedgerEntry.ExpiryNoticeAt"/>).</summary>
    public DateTimeOffset? ExpiryNoticeAt { get; init; }
}
