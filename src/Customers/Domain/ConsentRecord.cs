using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// One marketing-consent decision, kept for good: what the customer said for a channel, when, where it was given
/// (a branch, a web form, a call) and who recorded it. The customer's current consent is derived from these.
/// </summary>
public sealed class ConsentRecord : ITenantOwned
{
    private ConsentRecord()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public ContactChannel Channel { get; private init; }
    public bool Granted { get; private init; }

    /// <summary>When the customer gave or withdrew it (may be earlier than <see cref="RecordedAt"/>: a paper form).</summary>
    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>Where it was given: a branch code, "web form", "phone call"...</summary>
    public string Source { get; private init; } = "";

    /// <summary>The staff member or system that recorded it.</summary>
    public string? RecordedBy { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public static ConsentRecord Record(
        Customer customer, ContactChannel channel, bool granted, string source, string? recordedBy, DateTimeOffset? occurredAt, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            Channel = channel,
            Granted = granted,
            OccurredAt = occurredAt ?? now,
            Source = source.Trim(),
            RecordedBy = string.IsNullOrWhiteSpace(recordedBy) ? null : recordedBy.Trim(),
            RecordedAt = now,
        };
}
