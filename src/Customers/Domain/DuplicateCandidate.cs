using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A possible duplicate pair found by the business-wide scan (<c>DuplicateScanner</c>), stored so the list pages by
/// score without comparing every customer with every other on each request.
/// </summary>
public sealed class DuplicateCandidate : ITenantOwned
{
    private DuplicateCandidate()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid CustomerA { get; private init; }
    public Guid CustomerB { get; private init; }
    public decimal Score { get; private init; }

    /// <summary>The reasons, by <see cref="DuplicateReason"/> name.</summary>
    public List<string> Reasons { get; private init; } = [];
    public DateTimeOffset FoundAt { get; private init; }
}
