using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>One step of a complaint's workflow, kept as its history.</summary>
public sealed class ComplaintTransition : ITenantOwned
{
    public const int MaxNoteLength = 4000;

    private ComplaintTransition()
    {
    }

    internal ComplaintTransition(Guid tenantId, Guid complaintId, ComplaintStatus from, ComplaintStatus to, string? note, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        TenantId = tenantId;
        ComplaintId = complaintId;
        From = from;
        To = to;
        Note = note;
        OccurredAt = now;
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public ComplaintStatus From { get; private init; }
    public ComplaintStatus To { get; private init; }

    /// <summary>Free text that may be about the customer; null once the customer is erased.</summary>
    public string? Note { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }
}
