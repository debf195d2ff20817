using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// What Loyalty keeps of a customer's purchases to tell when they are overdue: the first and last purchase and how
/// many there were. The usual interval is the MEAN gap between purchases, which telescopes to
/// <c>(last - first) / (count - 1)</c>: it needs no list of gaps, is updated in O(1) per purchase and does not
/// depend on the order purchases arrive in (a late event only moves first or last). A median would resist one odd
/// gap better but needs every gap kept; the mean is the trade chosen here.
/// </summary>
public sealed class PurchaseRhythm : ITenantOwned
{
    private PurchaseRhythm()
    {
    }

    /// <summary>One rhythm per account, so the account id is the key.</summary>
    public Guid AccountId { get; private init; }

    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public DateTimeOffset FirstPurchaseAt { get; private set; }
    public DateTimeOffset LastPurchaseAt { get; private set; }
    public string? LastBranch { get; private set; }
    public int PurchaseCount { get; private set; }

    /// <summary>
    /// The last purchase time whose lapse was announced, so a lapse is announced once; a new purchase moves
    /// <see cref="LastPurchaseAt"/> and so ends it without a reset.
    /// </summary>
    public DateTimeOffset? LapseAnnouncedFor { get; private set; }

    /// <summary>Row version (xmin).</summary>
    public uint Version { get; private set; }

    public static PurchaseRhythm Start(LoyaltyAccount account, DateTimeOffset occurredAt, string? branch)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new()
        {
            AccountId = account.Id,
            TenantId = account.TenantId,
            CustomerId = account.CustomerId,
            FirstPurchaseAt = occurredAt,
            LastPurchaseAt = occurredAt,
            LastBranch = branch,
            PurchaseCount = 1,
        };
    }

    /// <summary>Counts one more purchase, whenever it happened (events can arrive out of order).</summary>
    public void Record(DateTimeOffset occurredAt, string? branch)
    {
        PurchaseCount = checked(PurchaseCount + 1);
        if (occurredAt < FirstPurchaseAt)
        {
            FirstPurchaseAt = occurredAt;
        }

        if (occurredAt >= LastPurchaseAt)
        {
            LastPurchaseAt = occurredAt;
            LastBranch = branch;
        }
    }

    /// <summary>The mean gap between purchases; null before there are two purchases at different times.</summary>
    public TimeSpan? UsualInterval =>
        PurchaseCount >= 2 && LastPurchaseAt > FirstPurchaseAt ? (LastPurchaseAt - FirstPurchaseAt) / (PurchaseCount - 1) : null;

    /// <summary>When the customer becomes overdue under the settings; null when they have too little history.</summary>
    public DateTimeOffset? OverdueAt(AtRiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (PurchaseCount < settings.MinPurchases || UsualInterval is not { } interval)
        {
            return null;
        }

        return LastPurchaseAt + (interval * (double)settings.Factor);
    }

    /// <summary>Whether the time since the last purchase exceeds factor × the usual interval (and at-risk is on).</summary>
    public bool IsAtRisk(AtRiskSettings settings, DateTimeOffset now) =>
        settings is { Enabled: true } && OverdueAt(settings) is { } overdueAt && now > overdueAt;

    /// <summary>Whether this lapse still has to be announced.</summary>
    public bool NeedsAnnouncing(AtRiskSettings settings, DateTimeOffset now) =>
        IsAtRisk(settings, now) && LapseAnnouncedFor != LastPurchaseAt;

    public void MarkLapseAnnounced() => LapseAnnouncedFor = LastPurchaseAt;
}
