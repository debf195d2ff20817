namespace CustomerPlatform.Loyalty.Domain.Tiers;

/// <summary>
/// One earn entry as the tier ladder counts it: the points it earned, what reversals of it took back (shortfalls
/// included, so a refund of points already spent lowers the value as much as any other), and for a purchase the
/// amount paid.
/// </summary>
/// <param name="EntryId">The earn entry.</param>
/// <param name="OccurredAt">When its cause happened: the window counts from this.</param>
/// <param name="Earned">The points it earned.</param>
/// <param name="Reversed">The points reversals of it took back, as a positive number.</param>
/// <param name="PurchaseAmount">The amount paid, for a purchase's own earn entry; null for bonuses and goodwill.</param>
public sealed record TierContribution(Guid EntryId, DateTimeOffset OccurredAt, long Earned, long Reversed, decimal? PurchaseAmount)
{
    /// <summary>The points that still count: never below zero, however much was reversed.</summary>
    public decimal Points => Math.Max(0, Earned - Reversed);

    /// <summary>
    /// The money that still counts: the amount paid less the refunded share. Reversals take back points in proportion
    /// to the amount refunded (<see cref="RefundShare"/>), so the share of points left is the share of the amount left,
    /// to within one point's worth of money.
    /// </summary>
    public decimal Spend =>
        PurchaseAmount is { } amount && amount > 0 && Earned > 0
            ? decimal.Round(amount * Points / Earned, 2, MidpointRounding.AwayFromZero)
            : 0;
}
