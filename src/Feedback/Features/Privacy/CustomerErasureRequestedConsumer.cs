using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Features.SurveyResponses;
using CustomerPlatform.Feedback.Features.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Privacy;

/// <summary>
/// Erases the text of the customer's feedback items (free text that may say anything about them) and keeps each
/// rating, kind, tag, branch and time, so NPS and every count stay as they were; likewise their complaints' descriptions, notes, replies and
/// attachment links and the reasons given for compensation, keeping each case's category, severity, status and times
/// and every compensation's amount; and the free-text answers of their survey responses, keeping scores and choices; stops the survey invitations
/// due to them and withdraws their open links;
/// then reports Feedback's part done.
/// </summary>
public sealed class CustomerErasureRequestedConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomerErasureRequested, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.erase-customer";

    protected override async Task HandleAsync(CustomerErasureRequested message, CancellationToken cancellationToken)
    {
        await Db.FeedbackItems.Where(item => item.CustomerId == message.CustomerId)
            .ExecuteUpdateAsync(set => set.SetProperty(item => item.Comment, (string?)null), cancellationToken);
        await EraseComplaintsAsync(message.CustomerId, cancellationToken);
        await SurveyResponseErasure.EraseAsync(Db, message.CustomerId, cancellationToken);
        var now = Clock.GetUtcNow();
        await TriggerErasure.EraseAsync(Db, message.CustomerId, now, cancellationToken);
        Db.EnqueueEvent(new CustomerErasureCompleted
        {
            TenantId = message.TenantId,
            ErasureId = message.ErasureId,
            CustomerId = message.CustomerId,
            Service = "feedback",
            OccurredAt = now,
        }, now);
    }

    private async Task EraseComplaintsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var complaintIds = Db.Complaints.Where(complaint => complaint.CustomerId == customerId).Select(complaint => complaint.Id);
        await Db.ComplaintNotes.Where(note => complaintIds.Contains(note.ComplaintId))
            .ExecuteUpdateAsync(set => set.SetProperty(note => note.Text, (string?)null), cancellationToken);
        await Db.ComplaintTransitions.Where(transition => complaintIds.Contains(transition.ComplaintId))
            .ExecuteUpdateAsync(set => set.SetProperty(transition => transition.Note, (string?)null), cancellationToken);
        await Db.ComplaintAttachments.Where(attachment => complaintIds.Contains(attachment.ComplaintId))
            .ExecuteUpdateAsync(set => set.SetProperty(attachment => attachment.Url, (string?)null).SetProperty(attachment => attachment.Title, (string?)null), cancellationToken);
        await Db.Compensations.Where(compensation => complaintIds.Contains(compensation.ComplaintId))
            .ExecuteUpdateAsync(set => set.SetProperty(compensation => compensation.Reason, (string?)null).SetProperty(compensation => compensation.DeclineReason, (string?)null), cancellationToken);
        await Db.Complaints.Where(complaint => complaint.CustomerId == customerId)
            .ExecuteUpdateAsync(set => set.SetProperty(complaint => complaint.Description, (string?)null), cancellationToken);
    }
}
