using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A visit in which a branch's staff served a customer (a fitting, a repair, a consultation).</summary>
public sealed class ServiceVisit : ITenantOwned
{
    private ServiceVisit()
    {
    }

    /// <summary>A working day; a longer figure is a typo, not a visit.</summary>
    public const int MaxDurationMinutes = 24 * 60;

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public string StaffMember { get; private init; } = "";

    /// <summary>What was done, in the staff member's words.</summary>
    public string Service { get; private init; } = "";

    public string? Notes { get; private init; }
    public int? DurationMinutes { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    public static ServiceVisit Record(
        Customer customer,
        string branch,
        string staffMember,
        string service,
        string? notes,
        DateTimeOffset? occurredAt,
        int? durationMinutes,
        DateTimeOffset now)
    {
        if (occurredAt > now.AddMinutes(5))
        {
            throw new DomainException("visit-in-future", "A service visit cannot be recorded as happening in the future.");
        }

        if (durationMinutes is < 1 or > MaxDurationMinutes)
        {
            throw new DomainException("invalid-duration", $"A visit lasts from 1 to {MaxDurationMinutes} minutes.");
        }

        return new ServiceVisit
        {
            Id = Guid.CreateVersion7(now),
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            Branch = branch.Trim(),
            StaffMember = staffMember.Trim(),
            Service = service.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            DurationMinutes = durationMinutes,
            OccurredAt = occurredAt is { } given ? StoredTime.Of(given) : now,
            RecordedAt = now,
        };
    }
}
