using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Metrics;

/// <summary>
/// Keeps a customer's purchase metrics as purchases arrive: one atomic upsert per event (increments, never
/// read-modify-write, so concurrent events for one customer cannot lose an update), a marker asking for the business's
/// RFM scores to be recomputed, and a prospect becoming active.
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

        await PurchaseMetrics.ApplyAsync(
            Db, message.TenantId, message.CustomerId, purchases: 1, message.Amount, message.Currency, message.OccurredAt.ToUniversalTime(), Clock.GetUtcNow(), cancellationToken);
        customer.MarkPurchased();
    }
}

public static class PurchaseMetrics
{
    /// <summary>
    /// Adds <paramref name="purchases"/> and <paramref name="amount"/> to the customer's metrics (negative for a refund:
    /// <c>purchases: 0</c> for a partial one, <c>-1</c> when it cancels the purchase; <paramref name="occurredAt"/> null,
    /// so the purchase dates stay) and asks for the business to be rescored. Runs in the caller's transaction.
    /// </summary>
    public static async Task ApplyAsync(
        CustomersDbContext db,
        Guid tenantId,
        Guid customerId,
        int purchases,
        decimal amount,
        string currency,
        DateTimeOffset? occurredAt,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customer_metrics (tenant_id, customer_id, purchase_count, total_spent, currency, first_purchase_at, last_purchase_at, updated_at)
            VALUES ({tenantId}, {customerId}, {purchases}, {amount}, {currency}, {occurredAt}, {occurredAt}, {now})
            ON CONFLICT (tenant_id, customer_id) DO UPDATE SET
                purchase_count = customer_metrics.purchase_count + EXCLUDED.purchase_count,
                total_spent = customer_metrics.total_spent + EXCLUDED.total_spent,
                currency = CASE WHEN customer_metrics.currency = EXCLUDED.currency THEN customer_metrics.currency END,
                first_purchase_at = LEAST(customer_metrics.first_purchase_at, EXCLUDED.first_purchase_at),
                last_purchase_at = GREATEST(customer_metrics.last_purchase_at, EXCLUDED.last_purchase_at),
                updated_at = EXCLUDED.updated_at
            """,
            cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO metrics_rescore_requests (tenant_id, requested_at) VALUES ({tenantId}, {now})
            ON CONFLICT (tenant_id) DO NOTHING
            """,
            cancellationToken);
    }
}

/// <summary>
/// Takes a refund or void off the customer's metrics: the amount always; the purchase itself too when nothing of it
/// remains, so a voided purchase no longer counts towards frequency.
/// </summary>
public sealed class RefundMetricsConsumer(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRefunded, CustomersDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "customers.refund-metrics";

    protected override Task HandleAsync(PurchaseRefunded message, CancellationToken cancellationToken) =>
        PurchaseMetrics.ApplyAsync(
            Db, message.TenantId, message.CustomerId, purchases: message.RemainingAmount == 0 ? -1 : 0, -message.Amount, message.Currency,
            occurredAt: null, Clock.GetUtcNow(), cancellationToken);
}
