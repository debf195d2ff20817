using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// Something another service reported about a customer (feedback given, points earned, a loyalty account opened),
/// kept so the customer's timeline shows it beside what Customers itself records. <see cref="SourceId"/> is the
/// other service's id for the fact, unique per <see cref="Type"/>, so a redelivered event adds nothing.
/// </summary>
public sealed class CustomerActivity : ITenantOwned
{
    private CustomerActivity()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }

    /// <summary>The timeline entry type, e.g. <c>feedback</c> or <c>pointsEarned</c>.</summary>
    public string Type { get; private init; } = "";

    public Guid SourceId { get; private init; }
    public string? Branch { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>The facts worth showing, as a small JSON object (what the event said, never personal details).</summary>
    public string Details { get; private init; } = "{}";

    public DateTimeOffset ReceivedAt { get; private init; }

    public static CustomerActivity From(
        Guid tenantId, Guid customerId, string type, Guid sourceId, string? branch, DateTimeOffset occurredAt, string details, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Type = type,
            SourceId = sourceId,
            Branch = branch,
            OccurredAt = occurredAt,
            Details = details,
            ReceivedAt = now,
        };
}
