namespace CustomerPlatform.Loyalty.Domain.Expiry;

/// <summary>
/// The expiry a merge gives the points it moves. They arrive as one credit, which can carry one expiry time, so it is
/// the latest of the lots they came from: a merge never makes a customer's points lapse sooner than promised, at the
/// cost of some living a little longer. Any unspent points that never expire make the whole credit never expire.
/// </summary>
/// <param name="ExpiresAt">When the moved points expire; null: never.</param>
/// <param name="NoticeAt">When the customer is told, from the same lot; null: no notice.</param>
public sealed record CarriedExpiry(DateTimeOffset? ExpiresAt, DateTimeOffset? NoticeAt)
{
    public static readonly CarriedExpiry Never = new(null, null);

    public static CarriedExpiry Of(IEnumerable<PointLot> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var unspent = lots.Where(lot => lot is { Remaining: > 0, Expired: false }).ToList();
        if (unspent.Count == 0 || unspent.Any(lot => lot.ExpiresAt is null))
        {
            return Never;
        }

        var latest = unspent.MaxBy(lot => lot.ExpiresAt)!;
        return new CarriedExpiry(latest.ExpiresAt, latest.NoticeAt);
    }

    /// <summary>The posting with this expiry.</summary>
    public LedgerPosting Fix(LedgerPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return posting with { ExpiresAt = ExpiresAt, ExpiryNoticeAt = ExpiresAt is null ? null : NoticeAt };
    }
}
