using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Refunds;

/// <summary>
/// Takes back the share of a purchase's points that a refund gives back (all that is left for a void), once per
/// refund. The balance stops at zero; points already spent are recorded as the entry's shortfall.
/// </summary>
public sealed class PurchaseRefundedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRefunded, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.reverse-refund";

    protected override async Task HandleAsync(PurchaseRefunded message, CancellationToken cancellationToken)
    {
        // Only the purchase's own points: first-purchase and other bonuses are not refunded with it.
        var earned = await Db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.Type == LedgerEntryType.Earn && entry.Source == LedgerSource.Purchase && entry.SourceId == message.PurchaseId)
            .Select(entry => new { entry.Id, entry.AccountId, entry.Points, entry.PurchaseAmount })
            .FirstOrDefaultAsync(cancellationToken);
        if (earned is null)
        {
            // The purchase earned nothing (under one currency unit), or is not credited yet: nothing to take back.
            return;
        }

        // Locking the account first serialises the refunds of one purchase, so their sum is read after the last one.
        var locked = await AccountLocks.LockAsync(Db, message.TenantId, earned.AccountId, cancellationToken);
        var account = await AccountLocks.FollowMergesAsync(Db, locked!, cancellationToken);
        var previous = await Db.LedgerEntries
            .Where(entry => entry.ReversedEntryId == earned.Id)
            .Select(entry => new { entry.SourceId, Taken = -entry.Points + entry.Shortfall })
            .ToListAsync(cancellationToken);
        if (previous.Any(entry => entry.SourceId == message.RefundId))
        {
            return;
        }

        var points = RefundShare.PointsToReverse(
            earned.Points,
            previous.Sum(entry => entry.Taken),
            earned.PurchaseAmount,
            message.Amount,
            message.RemainingAmount,
            string.Equals(message.Kind, "void", StringComparison.Ordinal));
        if (points == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var entry = account.Post(
            new LedgerPosting(LedgerEntryType.Reverse, -points, LedgerSource.Refund, message.RefundId, message.Branch, message.OccurredAt)
            {
                ReversedEntryId = earned.Id,
            },
            now);
        Db.LedgerEntries.Add(entry);
        LoyaltyTelemetry.RecordPosting(entry);
        Db.EnqueueEvent(new PointsReversed
        {
            TenantId = message.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = message.Branch,
            Source = "refund",
            SourceId = message.RefundId,
            Points = entry.Points,
            Shortfall = entry.Shortfall,
            BalanceAfter = entry.BalanceAfter,
            OccurredAt = now,
        }, now);
        await AccountTiers.EvaluateAfterPostingAsync(Db, account, message.OccurredAt, now, cancellationToken);
    }
}
