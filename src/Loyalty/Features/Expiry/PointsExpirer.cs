using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Expiry;

/// <summary>
/// Handles one due account, in a scope of its own: claims the account most overdue for expiry work
/// (<c>FOR UPDATE SKIP LOCKED</c>, across tenants; the same row lock every posting takes), acts for its tenant, works out
/// its lots from the ledger, expires what is left of each lot past its time (an <c>Expire</c> entry whose source id is
/// the credit, so it can never expire twice) with <see cref="PointsExpired"/>, announces each lot entering its notice
/// period once with <see cref="PointsExpiring"/>, and sets the account's next due time, in one transaction.
/// </summary>
public sealed class PointsExpirer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Handles the next due account; false when none is due (or every due one is held by another posting).</summary>
    public async Task<bool> ExpireNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // An account busy with a purchase or a redemption right now is skipped until the next pass.
            var claimed = await db.Accounts.FromSql(
                    $"""
                    SELECT a.*, a.xmin FROM accounts a
                    WHERE a.expiry_due_at <= {now}
                    ORDER BY a.expiry_due_at, a.id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var account])
            {
                return false;
            }

            tenant.Set(account.TenantId);
            var lots = await AccountLots.LoadAsync(db, account.Id, cancellationToken);
            var noticed = (await db.ExpiryNotices.Where(notice => notice.AccountId == account.Id).Select(notice => notice.EntryId)
                .ToListAsync(cancellationToken)).ToHashSet();
            if (account.MergedIntoAccountId is null)
            {
                foreach (var lot in lots.Where(lot => lot.IsDue(now)))
                {
                    Expire(account, lot, now);
                }

                foreach (var lot in lots.Where(lot => lot.IsOpen && !lot.IsDue(now) && lot.NoticeAt <= now && !noticed.Contains(lot.EntryId)))
                {
                    Announce(account, lot, now);
                    noticed.Add(lot.EntryId);
                }
            }

            account.ScheduleExpiry(PointLots.NextDue(lots.Where(lot => !lot.IsDue(now)), noticed));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    private void Expire(LoyaltyAccount account, PointLot lot, DateTimeOffset now)
    {
        var expiresAt = lot.ExpiresAt!.Value;
        var entry = account.Post(new LedgerPosting(LedgerEntryType.Expire, -lot.Remaining, LedgerSource.Expiry, lot.EntryId, lot.Branch, expiresAt), now);
        db.LedgerEntries.Add(entry);
        LoyaltyTelemetry.RecordPosting(entry);
        db.EnqueueEvent(new PointsExpired
        {
            TenantId = account.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = entry.Branch,
            Points = -entry.Points,
            BalanceAfter = entry.BalanceAfter,
            CreditEntryId = lot.EntryId,
            EarnedAt = lot.EarnedAt,
            ExpiresAt = expiresAt,
            OccurredAt = now,
        }, now);
    }

    private void Announce(LoyaltyAccount account, PointLot lot, DateTimeOffset now)
    {
        db.ExpiryNotices.Add(ExpiryNotice.For(account, lot, now));
        db.EnqueueEvent(new PointsExpiring
        {
            TenantId = account.TenantId,
            EventId = Guid.CreateVersion7(now),
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = lot.Branch,
            Points = lot.Remaining,
            Balance = account.Balance,
            CreditEntryId = lot.EntryId,
            EarnedAt = lot.EarnedAt,
            ExpiresAt = lot.ExpiresAt!.Value,
            OccurredAt = now,
        }, now);
    }
}
