using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A business's request to erase a customer's personal data, tracked service by service until every service that
/// held data about the customer has anonymised it. One per customer: asking again returns the same request.
/// </summary>
public sealed class ErasureRequest : ITenantOwned
{
    /// <summary>The services that must each complete the erasure; Customers completes its part as the request is made.</summary>
    public static readonly IReadOnlyList<string> Services = ["customers", "feedback", "loyalty", "standards"];

    private ErasureRequest()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public DateTimeOffset RequestedAt { get; private init; }

    /// <summary>When each service completed its part; null while it is pending.</summary>
    public Dictionary<string, DateTimeOffset?> ServiceCompletions { get; private set; } = [];

    /// <summary>When the last service completed, or null while any is pending.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Row version (xmin): completions arriving together from several services serialise through it.</summary>
    public uint Version { get; private set; }

    public static ErasureRequest Start(Guid tenantId, Guid customerId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        CustomerId = customerId,
        RequestedAt = now,
        ServiceCompletions = Services.ToDictionary(service => service, service => service == "customers" ? now : (DateTimeOffset?)null),
    };

    /// <summary>
    /// Marks the service done (a repeat, or a service not tracked, changes nothing). Returns true when this
    /// completion was the last one, i.e. the whole request has just completed.
    /// </summary>
    public bool MarkCompleted(string service, DateTimeOffset at)
    {
        if (!ServiceCompletions.TryGetValue(service, out var completed) || completed is not null)
        {
            return false;
        }

        ServiceCompletions = new Dictionary<string, DateTimeOffset?>(ServiceCompletions) { [service] = at };
        if (CompletedAt is null && ServiceCompletions.Values.All(value => value is not null))
        {
            CompletedAt = at;
            return true;
        }

        return false;
    }
}
