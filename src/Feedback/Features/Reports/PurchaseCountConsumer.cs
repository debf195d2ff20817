using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>
/// Counts purchases per branch and day, the base of complaints per 100 purchases. Only the count is kept: Feedback
/// needs no purchase's details. The inbox makes a redelivered event count once.
/// </summary>
public sealed class PurchaseCountConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRecorded, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.purchase-count";

    protected override async Task HandleAsync(PurchaseRecorded message, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(message.OccurredAt.UtcDateTime);
        var branch = message.Branch.Trim();
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO purchase_days (tenant_id, branch, day, purchases)
            VALUES ({message.TenantId}, {branch}, {day}, 1)
            ON CONFLICT (tenant_id, day, branch) DO UPDATE SET purchases = purchase_days.purchases + 1
            """,
            cancellationToken);
    }
}
