using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>The event an approval publishes: amounts and roles, never the reason (personal data) or staff names.</summary>
internal static class CompensationEvents
{
    /// <summary>Enqueues <see cref="CompensationApproved"/> to the outbox; the caller saves.</summary>
    public static void EnqueueApproved(DbContext db, Complaint complaint, Compensation compensation, DateTimeOffset now) =>
        db.EnqueueEvent(new CompensationApproved
        {
            TenantId = compensation.TenantId,
            ComplaintId = complaint.Id,
            CompensationId = compensation.Id,
            CustomerId = complaint.CustomerId,
            Branch = complaint.Branch,
            Type = WireNames.Of(compensation.Type),
            Amount = compensation.IsPoints ? null : compensation.Amount,
            Currency = compensation.Currency,
            Points = compensation.IsPoints ? (long)compensation.Amount : null,
            ApprovedByRole = compensation.ApprovedByRole!,
            OccurredAt = now,
        }, now);
}
