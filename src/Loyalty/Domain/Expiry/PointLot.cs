namespace CustomerPlatform.Loyalty.Domain.Expiry;

/// <summary>What is left of one credit after the debits that came after it (see <see cref="PointLots"/>).</summary>
/// <param name="EntryId">The credit's ledger entry.</param>
/// <param name="Points">What the credit put in.</param>
/// <param name="Remaining">What no debit has taken yet.</param>
/// <param name="EarnedAt">When the credit's cause happened.</param>
/// <param name="ExpiresAt">When what is left expires; null: never.</param>
/// <param name="NoticeAt">When the customer is told; null: no notice.</param>
/// <param name="Expired">An expiry entry was posted for it: nothing of it is left to expire again.</param>
/// <param name="Branch">The branch where the credit was made.</param>
public sealed record PointLot(
    Guid EntryId,
    long Points,
    long Remaining,
    DateTimeOffset EarnedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? NoticeAt,
    bool Expired,
    string? Branch = null)
{
    /// <summary>Points still waiting for their expiry: some left, an expiry time, and no expiry posted yet.</summary>
    public bool IsOpen => Remaining > 0 && ExpiresAt is not null && !Expired;

    /// <summary>Past its expiry time at <paramref name="now"/> with points left to expire.</summary>
    public bool IsDue(DateTimeOffset now) => IsOpen && ExpiresAt <= now;
}
