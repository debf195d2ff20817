using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>
/// Announces one lapse, in a scope of its own: claims the most overdue rhythm whose lapse is unannounced
/// (<c>FOR UPDATE SKIP LOCKED</c>, across tenants), acts for its tenant, checks the rule again in C# and enqueues
/// <see cref="CustomerAtRisk"/> with the mark, in one transaction: a stop mid-way leaves the lapse unannounced, never
/// announced twice.
/// </summary>
public sealed class AtRiskAnnouncer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Announces the next due lapse; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> AnnounceNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The account is locked too, as every purchase's consumer locks it first: a customer buying right now is
            // skipped until the next pass rather than made to fail on the rhythm's row version.
            // The rule of PurchaseRhythm.OverdueAt in SQL (mean gap × factor past the last purchase), so the database
            // finds due rows without reading every rhythm; a business without settings has the defaults.
            var claimed = await db.PurchaseRhythms.FromSql(
                    $"""
                    SELECT r.*, r.xmin FROM purchase_rhythms r
                    JOIN accounts a ON a.id = r.account_id
                    LEFT JOIN at_risk_settings s ON s.tenant_id = r.tenant_id
                    WHERE COALESCE(s.enabled, TRUE)
                      AND r.purchase_count >= COALESCE(s.min_purchases, 3)
                      AND r.last_purchase_at > r.first_purchase_at
                      AND r.lapse_announced_for IS DISTINCT FROM r.last_purchase_at
                      AND r.last_purchase_at + (r.last_purchase_at - r.first_purchase_at) / (r.purchase_count - 1)
                          * COALESCE(s.factor, 2)::float8 < {now}
                    ORDER BY r.last_purchase_at, r.account_id
                    LIMIT 1
                    FOR UPDATE OF a, r SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var rhythm])
            {
                return false;
            }

            tenant.Set(rhythm.TenantId);
            var settings = await PurchaseRhythms.SettingsAsync(db, rhythm.TenantId, cancellationToken);
            if (rhythm.NeedsAnnouncing(settings, now) && rhythm.UsualInterval is { } interval)
            {
                db.EnqueueEvent(new CustomerAtRisk
                {
                    TenantId = rhythm.TenantId,
                    EventId = Guid.CreateVersion7(now),
                    AccountId = rhythm.AccountId,
                    CustomerId = rhythm.CustomerId,
                    Branch = rhythm.LastBranch,
                    LastPurchaseAt = rhythm.LastPurchaseAt,
                    PurchaseCount = rhythm.PurchaseCount,
                    UsualIntervalDays = Math.Round(interval.TotalDays, 4),
                    DaysSince = Math.Round((now - rhythm.LastPurchaseAt).TotalDays, 4),
                    Factor = (double)settings.Factor,
                    OccurredAt = now,
                }, now);
                LoyaltyTelemetry.CustomersAtRisk.Add(1);
            }

            // Marked even when the C# rule disagrees with the SQL (a rounding edge), so the row cannot be claimed forever.
            rhythm.MarkLapseAnnounced();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
