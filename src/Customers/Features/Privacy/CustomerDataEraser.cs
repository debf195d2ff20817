using CustomerPlatform.Customers.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Privacy;

/// <summary>
/// Clears the free texts and names in a customer's history, in set-based updates inside the caller's transaction.
/// Amounts, dates, branches, channels, purposes and topics stay, so metrics, segments and needs reports keep counting
/// the same; only what describes or names a person goes.
/// </summary>
internal static class CustomerDataEraser
{
    public static async Task EraseHistoryAsync(CustomersDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        await db.Interactions.Where(interaction => interaction.CustomerId == customerId).ExecuteUpdateAsync(set => set
            .SetProperty(interaction => interaction.Summary, "")
            .SetProperty(interaction => interaction.StaffMember, (string?)null)
            .SetProperty(interaction => interaction.FollowUpCompletedBy, (string?)null)
            .SetProperty(interaction => interaction.FollowUpNote, (string?)null), cancellationToken);
        await db.ServiceVisits.Where(visit => visit.CustomerId == customerId).ExecuteUpdateAsync(set => set
            .SetProperty(visit => visit.StaffMember, "")
            .SetProperty(visit => visit.Notes, (string?)null), cancellationToken);
        await db.PurchaseRefunds.Where(refund => refund.CustomerId == customerId).ExecuteUpdateAsync(set => set
            .SetProperty(refund => refund.Reason, ""), cancellationToken);
        await db.ConsentRecords.Where(record => record.CustomerId == customerId).ExecuteUpdateAsync(set => set
            .SetProperty(record => record.RecordedBy, (string?)null), cancellationToken);
        // Other services' events kept for the timeline may quote the customer (a feedback comment): keep the fact only.
        await db.Activities.Where(activity => activity.CustomerId == customerId).ExecuteUpdateAsync(set => set
            .SetProperty(activity => activity.Details, "{}"), cancellationToken);
    }
}
