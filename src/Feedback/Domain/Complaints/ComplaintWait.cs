using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>A span in which the case waited on the customer; the resolution clock was paused for its business time.</summary>
public sealed class ComplaintWait : ITenantOwned
{
    private ComplaintWait()
    {
    }

    internal ComplaintWait(Guid tenantId, Guid complaintId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        TenantId = tenantId;
        ComplaintId = complaintId;
        StartedAt = now;
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public DateTimeOffset StartedAt { get; private init; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The business time the wait took, by which the resolve due time moved; null while waiting.</summary>
    public int? PausedMinutes { get; private set; }

    internal void End(DateTimeOffset now, TimeSpan paused)
    {
        EndedAt = now;
        PausedMinutes = (int)Math.Ceiling(paused.TotalMinutes);
    }
}
