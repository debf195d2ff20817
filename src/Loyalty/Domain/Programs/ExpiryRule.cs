namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>When earned points lapse (0 months: never), and how many days before the customer is told.</summary>
public sealed record ExpiryRule(int Months, int NoticeDays)
{
    public static readonly ExpiryRule Never = new(0, 0);

    /// <summary>
    /// The posting with its expiry fixed by this rule, counted from when its cause happened: a later program change
    /// cannot move it, because the time is stored on the entry rather than worked out from the rules again.
    /// </summary>
    public LedgerPosting Fix(LedgerPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (Months == 0)
        {
            return posting with { ExpiresAt = null, ExpiryNoticeAt = null };
        }

        var expiresAt = posting.OccurredAt.AddMonths(Months);
        return posting with { ExpiresAt = expiresAt, ExpiryNoticeAt = NoticeDays > 0 ? expiresAt.AddDays(-NoticeDays) : null };
    }
}
