namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>GET /api/v1/loyalty/accounts/{customerId} as it is on the wire.</summary>
internal sealed record AccountView(
    Guid AccountId,
    Guid CustomerId,
    long Balance,
    long LifetimePoints,
    DateTimeOffset OpenedAt,
    IReadOnlyList<LedgerEntryView> RecentEntries)
{
    public long PendingPoints { get; init; }

    public long SpendablePoints { get; init; }

    public NextExpiryView? NextExpiry { get; init; }
}

/// <summary>The account's <c>nextExpiry</c>.</summary>
internal sealed record NextExpiryView(long Points, DateTimeOffset At);
