using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.EarnPoints;

/// <summary>Credits the points a purchase earns, once per purchase.</summary>
public sealed class PurchaseRecordedConsumer(LoyaltyDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<PurchaseRecorded, LoyaltyDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "loyalty.earn-points";

    protected override async Task HandleAsync(PurchaseRecorded message, CancellationToken cancellationToken)
    {
        var points = EarnRules.PointsForPurchase(message.Amount);
        var alreadyCredited = await Db.LedgerEntries.AnyAsync(
            entry => entry.Type == LedgerEntryType.Earn && entry.SourceId == message.PurchaseId, cancellationToken);
        if (points == 0 || alreadyCredited)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var account = await AccountBook.GetOrOpenAsync(Db, message.TenantId, message.CustomerId, now, cancellationToken);
        var entry = account.Earn(points, message.PurchaseId, message.Branch, message.OccurredAt, now);
        Db.LedgerEntries.Add(entry);
        Db.EnqueueEvent(new PointsEarned
        {
            TenantId = message.TenantId,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = message.Branch,
            Points = entry.Points,
            BalanceAfter = entry.BalanceAfter,
            SourceId = message.PurchaseId,
            OccurredAt = now,
        }, now);
        LoyaltyTelemetry.PointsEarned.Add(points);
    }
}
