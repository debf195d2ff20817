using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Tiers;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>
/// Evaluates accounts against the tiers of the program in force: the one way a tier changes, with its
/// <see cref="TierChanged"/> event. Callers hold the account's row lock (postings) or the tier row's (the worker),
/// so one account's evaluations never interleave.
/// </summary>
internal static class AccountTiers
{
    /// <summary>
    /// Re-evaluates an account after a posting that may move its qualifying value (an earn, a reversal of one), with
    /// the entries the caller has added but not saved yet.
    /// </summary>
    /// <param name="belowSince">When the posting's cause happened: a downgrade's grace counts from it.</param>
    public static async Task EvaluateAfterPostingAsync(
        LoyaltyDbContext db, LoyaltyAccount account, DateTimeOffset belowSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var program = await ProgramBook.CurrentAsync(db, cancellationToken);
        var ladder = TierLadder.Of(program.Rules);
        var tier = await db.AccountTiers.FirstOrDefaultAsync(found => found.AccountId == account.Id, cancellationToken);
        if (tier is null)
        {
            // No tiers and no row: nothing to hold and nothing to lose, so a purchase pays no more than this read.
            if (ladder.IsEmpty)
            {
                return;
            }

            tier = AccountTier.Start(account.TenantId, account.Id, account.CustomerId);
            db.AccountTiers.Add(tier);
        }

        await EvaluateAsync(db, tier, program, ladder, belowSince, now, cancellationToken);
    }

    /// <summary>Evaluates one account's tier row; enqueues <see cref="TierChanged"/> when the tier changes.</summary>
    public static async Task EvaluateAsync(
        LoyaltyDbContext db, AccountTier tier, ProgramInForce program, TierLadder ladder, DateTimeOffset belowSince, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var contributions = await ContributionsAsync(db, tier.AccountId, ladder, now, cancellationToken);
        var value = ladder.QualifyingValue(contributions, now);
        var change = tier.Evaluate(ladder, value, program.Version, belowSince, ladder.NextRollOff(contributions, now), now);
        if (change is null)
        {
            return;
        }

        db.TierChanges.Add(change);
        db.EnqueueEvent(new TierChanged
        {
            TenantId = change.TenantId,
            EventId = change.Id,
            AccountId = change.AccountId,
            CustomerId = change.CustomerId,
            FromTier = change.FromCode,
            ToTier = change.ToCode,
            Direction = WireNames.Of(change.Direction),
            QualifyingValue = (double)change.QualifyingValue,
            Basis = WireNames.Of(change.Basis),
            RuleVersion = change.RuleVersion,
            OccurredAt = now,
        }, now);
        LoyaltyTelemetry.TierChanges.Add(1, new KeyValuePair<string, object?>("direction", WireNames.Of(change.Direction)));
    }

    /// <summary>
    /// The account's earn entries that may count under <paramref name="ladder"/> at <paramref name="now"/>, with what
    /// reversals took back of each: those saved, plus those added to <paramref name="db"/> and not saved yet.
    /// </summary>
    public static async Task<List<TierContribution>> ContributionsAsync(
        LoyaltyDbContext db, Guid accountId, TierLadder ladder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earliest = ladder.EarliestCounted(now);
        var contributions = await db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.AccountId == accountId && entry.Type == LedgerEntryType.Earn && (earliest == null || entry.OccurredAt > earliest))
            .Select(entry => new TierContribution(
                entry.Id,
                entry.OccurredAt,
                entry.Points,
                db.LedgerEntries.Where(reversal => reversal.ReversedEntryId == entry.Id).Sum(reversal => reversal.Shortfall - reversal.Points),
                entry.PurchaseAmount))
            .ToListAsync(cancellationToken);

        var added = db.ChangeTracker.Entries<LedgerEntry>()
            .Where(tracked => tracked.State == EntityState.Added && tracked.Entity.AccountId == accountId)
            .Select(tracked => tracked.Entity)
            .ToList();
        foreach (var entry in added.Where(entry => entry.Type == LedgerEntryType.Earn))
        {
            contributions.Add(new TierContribution(entry.Id, entry.OccurredAt, entry.Points, 0, entry.PurchaseAmount));
        }

        foreach (var reversal in added.Where(entry => entry.ReversedEntryId is not null))
        {
            var index = contributions.FindIndex(contribution => contribution.EntryId == reversal.ReversedEntryId);
            if (index >= 0)
            {
                contributions[index] = contributions[index] with { Reversed = contributions[index].Reversed + reversal.Shortfall - reversal.Points };
            }
        }

        return contributions;
    }

    /// <summary>The code of the tier the account held at <paramref name="at"/>; null for none.</summary>
    public static async Task<string?> TierAtAsync(LoyaltyDbContext db, Guid accountId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.TierChanges.AsNoTracking()
            .Where(change => change.AccountId == accountId && change.OccurredAt <= at)
            .OrderByDescending(change => change.OccurredAt).ThenByDescending(change => change.Id)
            .Select(change => change.ToCode)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// After a program change, asks the tier worker to evaluate every account of the business from
    /// <paramref name="effectiveFrom"/>: thresholds, windows or the tiers themselves may have changed, and no posting
    /// would notice. Accounts without a tier row get one, so tiers set up for the first time reach existing customers.
    /// </summary>
    public static async Task ReviewAllAsync(LoyaltyDbContext db, Guid tenantId, DateTimeOffset effectiveFrom, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO account_tiers (account_id, tenant_id, customer_id, rule_version, qualifying_value, due_at)
            SELECT a.id, a.tenant_id, a.customer_id, 0, 0, {effectiveFrom}
            FROM accounts a
            WHERE a.tenant_id = {tenantId} AND a.merged_into_account_id IS NULL
            ON CONFLICT (account_id) DO UPDATE SET due_at = LEAST(account_tiers.due_at, excluded.due_at)
            """,
            cancellationToken);
}
