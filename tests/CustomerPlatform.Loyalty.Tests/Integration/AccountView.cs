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
}
