using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.EarnPoints;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>
/// Pays the referrer of a customer the program's referral bonus when that customer's first purchase earns points: on
/// the purchase, or on the registration when the purchase was consumed first (events travel on separate queues). The
/// source id is the referred customer's id, so the bonus is paid once whichever path gets there first.
/// </summary>
internal static class ReferralBonus
{
    /// <summary>
    /// Credits the referrer of <paramref name="referred"/> (the caller holds its row lock) under <paramref name="program"/>,
    /// pending as long as the purchase's own points: a purchase refunded in its return window must not leave a paid bonus.
    /// </summary>
    public static async Task CreditAsync(
        LoyaltyDbContext db,
        LoyaltyAccount referred,
        ProgramInForce program,
        string? branch,
        DateTimeOffset purchasedAt,
        DateTimeOffset? availableAt,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var bonus = program.Rules.Earn.Bonuses.Referral;
        if (referred.ReferredByCustomerId is not { } referrerId || bonus == 0)
        {
            return;
        }

        var paid = await db.LedgerEntries.AnyAsync(
            entry => entry.Type == LedgerEntryType.Earn && entry.Source == LedgerSource.Referral && entry.SourceId == referred.CustomerId,
            cancellationToken);
        if (paid)
        {
            return;
        }

        // A referrer merged into another customer since: the survivor holds their points now.
        var referrer = await AccountLocks.LockForCustomerAsync(db, referred.TenantId, referrerId, cancellationToken) is { } found
            ? await AccountLocks.FollowMergesAsync(db, found, cancellationToken)
            : AccountBook.Open(db, referred.TenantId, referrerId, now);
        if (referrer.Id == referred.Id)
        {
            return;
        }

        EarnedPoints.Credit(
            db,
            referrer,
            program.Rules.Expiry.Fix(new LedgerPosting(LedgerEntryType.Earn, bonus, LedgerSource.Referral, referred.CustomerId, branch, purchasedAt)
            {
                RuleVersion = program.Version,
                AvailableAt = availableAt,
            }),
            now);
        await AccountTiers.EvaluateAfterPostingAsync(db, referrer, purchasedAt, now, cancellationToken);
    }

    /// <summary>
    /// On a late registration naming a referrer: when the account has earned on a purchase already, pays the bonus under
    /// the rules of that first purchase's time.
    /// </summary>
    public static async Task CreditForEarlierPurchaseAsync(LoyaltyDbContext db, LoyaltyAccount referred, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (referred.ReferredByCustomerId is null)
        {
            return;
        }

        var first = await db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.AccountId == referred.Id && entry.Type == LedgerEntryType.Earn
                && (entry.Source == LedgerSource.Purchase || entry.Source == LedgerSource.FirstPurchase))
            .OrderBy(entry => entry.OccurredAt).ThenBy(entry => entry.Id)
            .Select(entry => new { entry.Branch, entry.OccurredAt, entry.AvailableAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            return;
        }

        var program = await ProgramBook.InForceAtAsync(db, first.OccurredAt, cancellationToken);
        await CreditAsync(db, referred, program, first.Branch, first.OccurredAt, first.AvailableAt, now, cancellationToken);
    }
}
