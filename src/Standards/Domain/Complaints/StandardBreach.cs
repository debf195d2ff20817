using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Complaints;

/// <summary>A complaint clock that passed a standard's due time while running: one per deadline, recorded as it is found.</summary>
public sealed class StandardBreach : ITenantOwned
{
    private StandardBreach()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid DeadlineId { get; private init; }
    public Guid StandardId { get; private init; }
    public int StandardVersion { get; private init; }
    public string Metric { get; private init; } = "";
    public string Branch { get; private init; } = "";
    public Guid ComplaintId { get; private init; }
    public ComplaintClockKind Clock { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    public static StandardBreach Of(ComplaintDeadline deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new StandardBreach
        {
            Id = Guid.CreateVersion7(now),
            TenantId = deadline.TenantId,
            DeadlineId = deadline.Id,
            StandardId = deadline.StandardId,
            StandardVersion = deadline.StandardVersion,
            Metric = deadline.Metric,
            Branch = deadline.Branch,
            ComplaintId = deadline.ComplaintId,
            Clock = deadline.Clock,
            DueAt = deadline.DueAt,
            OccurredAt = now,
        };
    }
}
