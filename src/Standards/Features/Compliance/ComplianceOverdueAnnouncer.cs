using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// Announces one lapse, in a scope of its own: claims the longest-overdue live item whose lapse is unannounced
/// (<c>FOR UPDATE SKIP LOCKED</c>, across tenants), acts for its tenant, checks the rule again in C# and enqueues
/// <see cref="ComplianceCheckOverdue"/> with its announcement row, in one transaction: a stop mid-way leaves the lapse
/// unannounced, never announced twice.
/// </summary>
public sealed class ComplianceOverdueAnnouncer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Announces the next due lapse; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> AnnounceNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The rule of ComplianceItem.IsOverdueAt in SQL, on the partial index of live due items. Locking the item
            // (which leaves its row version alone) makes a check being recorded now wait for this announcement, or be skipped.
            var claimed = await db.ComplianceItems.FromSql(
                    $"""
                    SELECT i.*, i.xmin FROM compliance_items i
                    WHERE i.archived_at IS NULL
                      AND i.next_due_at IS NOT NULL
                      AND i.next_due_at < {now}
                      AND NOT EXISTS (
                          SELECT 1 FROM compliance_overdue_announcements a WHERE a.item_id = i.id AND a.due_at = i.next_due_at)
                    ORDER BY i.next_due_at, i.id
                    LIMIT 1
                    FOR UPDATE OF i SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [{ NextDueAt: { } dueAt } item])
            {
                return false;
            }

            tenant.Set(item.TenantId);
            if (item.IsOverdueAt(now))
            {
                db.EnqueueEvent(new ComplianceCheckOverdue
                {
                    TenantId = item.TenantId,
                    ItemId = item.Id,
                    Title = item.Title,
                    Category = WireNames.Of(item.Category),
                    Owner = item.Owner,
                    Branches = item.Branches,
                    DueAt = dueAt,
                    LastCheckedAt = item.LastCheckedAt,
                    OccurredAt = now,
                }, now);
                StandardsTelemetry.ComplianceChecksOverdue.Add(1);
            }

            // Recorded even when the C# rule disagrees with the SQL (a rounding edge), so the row cannot be claimed forever.
            db.ComplianceOverdueAnnouncements.Add(ComplianceOverdueAnnouncement.Of(item, dueAt, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
