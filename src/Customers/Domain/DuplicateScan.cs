using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>When a business's customers were last scanned for duplicates; also the scan's claim (a row lock).</summary>
public sealed class DuplicateScan : ITenantOwned
{
    private DuplicateScan()
    {
    }

    public Guid TenantId { get; private init; }
    public DateTimeOffset ScannedAt { get; private init; }
    public int Pairs { get; private init; }
}
