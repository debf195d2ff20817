using CustomerPlatform.Loyalty.Domain.Tiers;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>
/// Evaluates one account whose tier row is due (a downgrade's grace ended, a contribution left the rolling window, the
/// program changed), in a scope of its own: claims the earliest due row (<c>FOR UPDATE SKIP LOCKED</c>, across
/// tenants), acts for its tenant, evaluates and saves the row with any <c>TierChanged</c>, in one transaction: a stop
/// mid-way leaves the row due, never a change published twice.
/// </summary>
public sealed class TierReviewer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Evaluates the next due account; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> ReviewNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The account is locked too, as every posting locks it first: an account being posted to right now is
            // skipped until the next pass rather than evaluated beside the posting.
            var claimed = await db.AccountTiers.FromSql(
                    $"""
                    SELECT t.*, t.xmin FROM account_tiers t
                    JOIN accounts a ON a.id = t.account_id
                    WHERE t.due_at <= {now}
                    ORDER BY t.due_at, t.account_id
                    LIMIT 1
                    FOR UPDATE OF a, t SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var tier])
            {
                return false;
            }

            tenant.Set(tier.TenantId);
            var program = await ProgramBook.CurrentAsync(db, cancellationToken);
            // The due time is when the value fell (the roll-off) or the change took effect, however late the worker runs.
            await AccountTiers.EvaluateAsync(db, tier, program, TierLadder.Of(program.Rules), tier.DueAt!.Value, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
