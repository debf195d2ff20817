namespace CustomerPlatform.Loyalty.Domain.Expiry;

/// <summary>One ledger entry as the lot calculation sees it (see <see cref="PointLots"/>).</summary>
/// <param name="EntryId">The ledger entry's id; a credit's id is its lot's id.</param>
/// <param name="Points">Signed: a credit opens a lot, a debit consumes lots.</param>
/// <param name="PostedAt">When the entry changed the balance (its recorded time): a debit takes only lots unexpired then.</param>
/// <param name="EarnedAt">When the cause happened (the entry's occurred time).</param>
/// <param name="ExpiresAt">For a credit, when what is left of it expires; null: never.</param>
/// <param name="NoticeAt">For a credit, when the customer is told it will expire; null: no notice.</param>
/// <param name="ExpiredLotId">For an expiry entry, the credit it expired: it takes from that lot alone.</param>
/// <param name="Branch">The branch the entry was made at, carried to the lot for the events about it.</param>
/// <param name="UndoKey">For a debit that may be undone later (a redemption), what names it (the redemption id).</param>
/// <param name="UndoesKey">For a credit that undoes such a debit (a void), the same name: its points go back to the
/// lots the debit took them from.</param>
public sealed record PointMovement(
    Guid EntryId,
    long Points,
    DateTimeOffset PostedAt,
    DateTimeOffset EarnedAt,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? NoticeAt = null,
    Guid? ExpiredLotId = null,
    string? Branch = null,
    Guid? UndoKey = null,
    Guid? UndoesKey = null);
