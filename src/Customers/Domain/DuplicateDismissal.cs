using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A pair of customers someone looked at and said are different people: it is no longer offered as a possible
/// duplicate. Stored in <see cref="DuplicateScore.Pair"/> order.
/// </summary>
public sealed class DuplicateDismissal : ITenantOwned
{
    private DuplicateDismissal()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid CustomerA { get; private init; }
    public Guid CustomerB { get; private init; }
    public DateTimeOffset DismissedAt { get; private init; }

    public static DuplicateDismissal Of(Guid tenantId, Guid one, Guid other, DateTimeOffset now)
    {
        var (first, second) = DuplicateScore.Pair(one, other);
        return new DuplicateDismissal { TenantId = tenantId, CustomerA = first, CustomerB = second, DismissedAt = now };
    }
}
