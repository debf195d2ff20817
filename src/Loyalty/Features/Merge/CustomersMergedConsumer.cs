using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Features.Expiry;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Merge;

/// <summary>
/// Moves a merged-away customer's points to the surviving customer's account (opening it if needed) and closes the
/// merged account. Safe to re-run: an account already merged is left alone.
/// </summary>
public sealed class CustomersMergedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<CustomersMerged, LoyaltyDbContext>(db, tenant, clock)
{
    public const string MergeActor = "system";

    protected override string ConsumerName => "loyalty.merge-accounts";

    protected override async Task HandleAsync(CustomersMerged message, CancellationToken cancellationToken)
    {
        if (message.MergedCustomerId == message.SurvivorCustomerId)
        {
            return;
        }

        // Both rows in one statement, in id order, so two merges touching the same accounts cannot deadlock.
        await Db.Database.ExecuteSqlAsync(
            $"""
            SELECT 1 FROM accounts
            WHERE tenant_id = {message.TenantId} AND customer_id IN ({message.MergedCustomerId}, {message.SurvivorCustomerId})
            ORDER BY id FOR UPDATE
            """,
            cancellationToken);
        var accounts = await Db.Accounts
            .Where(account => account.CustomerId == message.MergedCustomerId || account.CustomerId == message.SurvivorCustomerId)
            .ToListAsync(cancellationToken);
        var merged = accounts.FirstOrDefault(account => account.CustomerId == message.MergedCustomerId);
        if (merged is null || merged.MergedIntoAccountId is not null)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var survivor = accounts.FirstOrDefault(account => account.CustomerId == message.SurvivorCustomerId) is { } existing
            ? await AccountLocks.FollowMergesAsync(Db, existing, cancellationToken)
            : AccountBook.Open(Db, message.TenantId, message.SurvivorCustomerId, now);
        var carried = CarriedExpiry.Of(await AccountLots.LoadAsync(Db, merged.Id, cancellationToken));
        var moved = merged.MergeInto(survivor, now, carried);
        if (moved.Debit is { } debit)
        {
            Db.LedgerEntries.Add(debit);
            LoyaltyTelemetry.RecordPosting(debit);
            Db.EnqueueEvent(Adjusted(merged, debit, "mergedAway", survivor.CustomerId, now), now);
        }

        if (moved.Credit is { } credit)
        {
            Db.LedgerEntries.Add(credit);
            LoyaltyTelemetry.RecordPosting(credit);
            Db.EnqueueEvent(Adjusted(survivor, credit, "merge", merged.CustomerId, now), now);
        }
    }

    private static PointsAdjusted Adjusted(LoyaltyAccount account, LedgerEntry entry, string source, Guid otherCustomerId, DateTimeOffset now) =>
        new()
        {
            TenantId = account.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Source = source,
            SourceId = entry.SourceId,
            Points = entry.Points,
            BalanceAfter = entry.BalanceAfter,
            Reason = entry.Reason ?? source,
            Actor = MergeActor,
            RelatedCustomerId = otherCustomerId,
            OccurredAt = now,
        };
}
