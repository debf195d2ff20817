using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.AtRisk;
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
        if (points == 0)
        {
            return;
        }

        // Purchases of one customer are consumed concurrently (a backlog after an outage arrives as a burst): the
        // row lock makes them queue for the account, where the row version alone made all but one fail and spend
        // their retries until some reached the error queue. No row yet (the purchase came before the registration):
        // nothing to lock, and the unique index settles that race.
        await Db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM accounts WHERE tenant_id = {message.TenantId} AND customer_id = {message.CustomerId} FOR UPDATE",
            cancellationToken);

        // The account and whether this purchase was credited already, in one round trip (an account's ledger holds
        // all its entries, and without an account there is no entry).
        var found = await Db.Accounts
            .Where(candidate => candidate.CustomerId == message.CustomerId)
            .Select(candidate => new
            {
                Account = candidate,
                Credited = Db.LedgerEntries.Any(credit =>
                    credit.AccountId == candidate.Id && credit.Type == LedgerEntryType.Earn
                    && credit.Source == LedgerSource.Purchase && credit.SourceId == message.PurchaseId),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is { Credited: true })
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var account = found?.Account ?? AccountBook.Open(Db, message.TenantId, message.CustomerId, now);
        var entry = account.Earn(
            new LedgerPosting(LedgerEntryType.Earn, points, LedgerSource.Purchase, message.PurchaseId, message.Branch, message.OccurredAt), now);
        Db.LedgerEntries.Add(entry);
        Db.EnqueueEvent(new PointsEarned
        {
            TenantId = message.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = message.Branch,
            Points = entry.Points,
            BalanceAfter = entry.BalanceAfter,
            Source = "purchase",
            RuleVersion = entry.RuleVersion,
            SourceId = message.PurchaseId,
            OccurredAt = now,
        }, now);
        LoyaltyTelemetry.RecordPosting(entry);

        // Under the account lock taken above, so concurrent purchases of one customer count one after another.
        await PurchaseRhythms.RecordAsync(Db, account, message.OccurredAt, message.Branch, cancellationToken);
    }
}
