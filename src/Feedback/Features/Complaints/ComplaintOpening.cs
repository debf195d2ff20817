using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Features.ComplaintTargets;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Branches;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>What a new case is opened with, whoever opens it.</summary>
/// <param name="SourceResponseId">The survey response whose score opened it (the closed loop); null when staff opened it.</param>
internal sealed record ComplaintIntake(
    Guid? CustomerId,
    string Branch,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    string Description,
    string? AssignedTo,
    Guid? SourceResponseId = null);

/// <summary>
/// The one way a case is opened, by <c>POST /complaints</c> and by the closed loop alike, so every case gets its
/// deadlines and its <c>ComplaintReceived</c> the same way.
/// </summary>
internal static class ComplaintOpening
{
    public const string UnknownCategory = "Not one of the business's complaint categories (see GET /api/v1/feedback/complaint-categories).";

    /// <summary>
    /// Adds the case with its acknowledge and resolve due times (from the business's complaint targets in force, pinned by
    /// version, on the branch's business hours) and enqueues <c>ComplaintReceived</c>; the caller saves. Null when the
    /// category is not one of the business's.
    /// </summary>
    public static async Task<Complaint?> OpenAsync(
        FeedbackDbContext db, Guid tenantId, ComplaintIntake intake, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await ComplaintCodeLists.ExistsAsync(ComplaintCodeKind.Category, intake.Category, db, cancellationToken))
        {
            return null;
        }

        var complaint = Complaint.Receive(
            tenantId, intake.CustomerId, intake.Branch, intake.Channel, intake.Category, intake.Severity, intake.Description, intake.AssignedTo, now,
            intake.SourceResponseId);
        complaint.StartClocks(
            await ComplaintTargetsEndpoints.CurrentAsync(db, tenantId, cancellationToken),
            await BranchDirectory.CalendarOfAsync(db, complaint.Branch, cancellationToken));
        db.Complaints.Add(complaint);
        ComplaintEvents.Enqueue(db, complaint, now);
        return complaint;
    }
}
