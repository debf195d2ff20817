using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.Loyalty.Domain.Tiers;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.Bonuses;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
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
        // Rules of the purchase's own time: a purchase delivered after a program change still earns as promised then.
        var program = await ProgramBook.InForceAtAsync(Db, message.OccurredAt, cancellationToken);
        var lines = message.Lines?.Select(line => new PurchaseLine(line.Category, line.Quantity * line.UnitPrice)).ToList();
        var points = PurchaseEarning.Points(program.Rules.Earn, message.Amount, message.Branch, lines, message.OccurredAt);
        var firstPurchaseBonus = program.Rules.Earn.Bonuses.FirstPurchase;
        var hasTiers = program.Rules.Tiers.Count > 0;
        // With tiers, a multiplier may still lift a purchase under one unit to a point: that is known only under the lock.
        if (points == 0 && firstPurchaseBonus == 0 && !hasTiers)
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

        // The account, whether this purchase was credited already, and whether it had any purchase before, in one
        // round trip (an account's ledger holds all its entries, and without an account there is no entry).
        var found = await Db.Accounts
            .Where(candidate => candidate.CustomerId == message.CustomerId)
            .Select(candidate => new
            {
                Account = candidate,
                Credited = Db.LedgerEntries.Any(credit =>
                    credit.AccountId == candidate.Id && credit.Type == LedgerEntryType.Earn
                    && (credit.Source == LedgerSource.Purchase || credit.Source == LedgerSource.FirstPurchase) && credit.SourceId == message.PurchaseId),
                HasPurchased = Db.LedgerEntries.Any(credit =>
                    credit.AccountId == candidate.Id && credit.Type == LedgerEntryType.Earn
                    && (credit.Source == LedgerSource.Purchase || credit.Source == LedgerSource.FirstPurchase)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is { Credited: true })
        {
            return;
        }

        if (hasTiers && found is not null)
        {
            // The tier held when the purchase happened, under the rules of that time; the entry's rule version stays
            // the program version used, whose tiers the multiplier comes from.
            var tierCode = await AccountTiers.TierAtAsync(Db, found.Account.Id, message.OccurredAt, cancellationToken);
            if (TierLadder.Of(program.Rules).Find(tierCode) is { EarnMultiplier: var tierMultiplier } && tierMultiplier != 1)
            {
                points = PurchaseEarning.Points(program.Rules.Earn, message.Amount, message.Branch, lines, message.OccurredAt, tierMultiplier);
            }
        }

        if (points == 0 && firstPurchaseBonus == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var account = found?.Account ?? AccountBook.Open(Db, message.TenantId, message.CustomerId, now);
        // Pending until the return window closes, counted from the purchase, not from when its event arrived.
        DateTimeOffset? availableAt = program.Rules.Earn.PendingDays > 0 ? message.OccurredAt.AddDays(program.Rules.Earn.PendingDays) : null;
        if (points > 0)
        {
            Credit(account, LedgerSource.Purchase, points, message, program, availableAt, now);
        }

        // Once per account, on the first purchase it ever earns on: turning the bonus on later pays no existing customer.
        if (found is not { HasPurchased: true })
        {
            if (firstPurchaseBonus > 0)
            {
                Credit(account, LedgerSource.FirstPurchase, firstPurchaseBonus, message, program, availableAt, now);
            }

            await ReferralBonus.CreditAsync(Db, account, program, message.Branch, message.OccurredAt, availableAt, now, cancellationToken);
        }

        // Under the account lock taken above, so concurrent purchases of one customer count one after another.
        await PurchaseRhythms.RecordAsync(Db, account, message.OccurredAt, message.Branch, cancellationToken);
        await AccountTiers.EvaluateAfterPostingAsync(Db, account, message.OccurredAt, now, cancellationToken);
    }

    private void Credit(
        LoyaltyAccount account, LedgerSource source, long points, PurchaseRecorded message, ProgramInForce program, DateTimeOffset? availableAt, DateTimeOffset now)
    {
        EarnedPoints.Credit(
            Db,
            account,
            program.Rules.Expiry.Fix(new LedgerPosting(LedgerEntryType.Earn, points, source, message.PurchaseId, message.Branch, message.OccurredAt)
            {
                RuleVersion = program.Version,
                AvailableAt = availableAt,
                // Refunds take back their share of what the purchase itself earned, so only that entry keeps the amount.
                PurchaseAmount = source == LedgerSource.Purchase ? message.Amount : null,
            }),
            now);
    }
}
