using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Metrics;

/// <summary>
/// Brings a customer's purchase metrics in line with their purchases as each purchase arrives, and makes a prospect
/// active.
/// </summary>
public sealed class PurchaseMetricsConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRecorded, CustomersDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.purchase-metrics";

    protected override async Task HandleAsync(PurchaseRecorded message, CancellationToken cancellationToken)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(candidate => candidate.Id == message.CustomerId, cancellationToken);
        if (customer is null)
        {
            return;
        }

        await PurchaseMetrics.RecomputeAsync(Db, message.TenantId, message.CustomerId, Clock.GetUtcNow(), cancellationToken);
        customer.MarkPurchased();
    }
}

/// <summary>
/// A customer's purchase metrics, always computed from their purchases as they stand: every purchase not wholly
/// refunded or voided counts once, the amount spent is what was not refunded, and the first and last purchase dates
/// stay whatever was refunded. Recomputing rather than adding makes an event a reminder, not a delta: a purchase whose
/// event is still on its way when the customer is merged into another (the merge recomputes the survivor) is not
/// counted twice when it arrives, and a refund cannot be applied to the wrong customer.
/// </summary>
public static class PurchaseMetrics
{
    /// <summary>
    /// Recomputes the customer's metrics (removing them when they hold no purchase, as a merged customer no longer does)
    /// and asks for the business to be rescored. Runs in the caller's transaction; returns whether the customer has
    /// purchases.
    /// </summary>
    public static async Task<bool> RecomputeAsync(
        CustomersDbContext db, Guid tenantId, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement, so two events of one customer handled at once both write what the committed purchases say.
        var rows = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customer_metrics (tenant_id, customer_id, purchase_count, total_spent, currency, first_purchase_at, last_purchase_at, updated_at)
            SELECT {tenantId}, {customerId}, count(*) FILTER (WHERE refunded_amount < amount), sum(amount - refunded_amount),
                   CASE WHEN count(DISTINCT currency) = 1 THEN min(currency) END, min(occurred_at), max(occurred_at), {now}
            FROM purchases WHERE tenant_id = {tenantId} AND customer_id = {customerId}
            HAVING count(*) > 0
            ON CONFLICT (tenant_id, customer_id) DO UPDATE SET
                purchase_count = EXCLUDED.purchase_count,
                total_spent = EXCLUDED.total_spent,
                currency = EXCLUDED.currency,
                first_purchase_at = EXCLUDED.first_purchase_at,
                last_purchase_at = EXCLUDED.last_purchase_at,
                updated_at = EXCLUDED.updated_at
            """,
            cancellationToken);
        if (rows == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM customer_metrics WHERE tenant_id = {tenantId} AND customer_id = {customerId}", cancellationToken);
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO metrics_rescore_requests (tenant_id, requested_at) VALUES ({tenantId}, {now})
            ON CONFLICT (tenant_id) DO NOTHING
            """,
            cancellationToken);
        return rows > 0;
    }
}

/// <summary>Takes a refund or void off the customer's metrics (a voided or wholly refunded purchase no longer counts).</summary>
public sealed class RefundMetricsConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRefunded, CustomersDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.refund-metrics";

    protected override Task HandleAsync(PurchaseRefunded message, CancellationToken cancellationToken) =>
        PurchaseMetrics.RecomputeAsync(Db, message.TenantId, message.CustomerId, Clock.GetUtcNow(), cancellationToken);
}
