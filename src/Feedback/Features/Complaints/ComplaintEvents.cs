using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>The event each status a case reaches publishes; facts only, never the description or notes (personal data).</summary>
internal static class ComplaintEvents
{
    /// <summary>Enqueues to the outbox the event for the status the case has just reached; the caller saves.</summary>
    public static void Enqueue(DbContext db, Complaint complaint, DateTimeOffset now)
    {
        var severity = WireNames.Of(complaint.Severity);
        var status = WireNames.Of(complaint.Status);
        switch (complaint.Status)
        {
            case ComplaintStatus.Received:
                db.EnqueueEvent(new ComplaintReceived
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, AcknowledgeDueAt = complaint.AcknowledgeDueAt,
                    ResolveDueAt = complaint.ResolveDueAt, TargetsVersion = complaint.TargetsVersion, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Acknowledged:
                db.EnqueueEvent(new ComplaintAcknowledged
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Investigating:
                db.EnqueueEvent(new ComplaintInvestigationStarted
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Resolved:
                db.EnqueueEvent(new ComplaintResolved
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Closed:
                db.EnqueueEvent(new ComplaintClosed
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Reopened:
                db.EnqueueEvent(new ComplaintReopened
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status, OccurredAt = now,
                }, now);
                break;
            case ComplaintStatus.Escalated:
                db.EnqueueEvent(new ComplaintEscalated
                {
                    TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
                    Category = complaint.Category, Severity = severity, Status = status,
                    ExternalBody = complaint.ExternalBody!, ExternalReference = complaint.ExternalReference!, OccurredAt = now,
                }, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(complaint), complaint.Status, "No event for this status.");
        }
    }

    /// <summary>Enqueues <see cref="ComplaintWaitingOnCustomer"/> for a case that has just started waiting; the caller saves.</summary>
    public static void EnqueueWaiting(DbContext db, Complaint complaint, DateTimeOffset now) =>
        db.EnqueueEvent(new ComplaintWaitingOnCustomer
        {
            TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
            Category = complaint.Category, Severity = WireNames.Of(complaint.Severity), Status = WireNames.Of(complaint.Status), OccurredAt = now,
        }, now);

    /// <summary>Enqueues <see cref="ComplaintResumed"/> for a case that has just stopped waiting (since <paramref name="waitedSince"/>); the caller saves.</summary>
    public static void EnqueueResumed(DbContext db, Complaint complaint, DateTimeOffset waitedSince, DateTimeOffset now) =>
        db.EnqueueEvent(new ComplaintResumed
        {
            TenantId = complaint.TenantId, ComplaintId = complaint.Id, CustomerId = complaint.CustomerId, Branch = complaint.Branch,
            Category = complaint.Category, Severity = WireNames.Of(complaint.Severity), Status = WireNames.Of(complaint.Status),
            WaitedSince = waitedSince, ResolveDueAt = complaint.ResolveDueAt, OccurredAt = now,
        }, now);
}
