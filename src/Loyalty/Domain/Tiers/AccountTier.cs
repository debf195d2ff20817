using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Tiers;

/// <summary>
/// The tier an account holds, and when it must be looked at again. Up at once: a posting that lifts the qualifying
/// value over a higher threshold changes the tier in the same transaction. Down only after the held tier's grace:
/// the first evaluation that finds the value below the tier records when the downgrade falls due, one that finds it
/// back above cancels it. <see cref="DueAt"/> is the row's due time for the tier worker: the downgrade's, or the
/// moment the next contribution leaves the rolling window, whichever is first.
/// </summary>
public sealed class AccountTier : ITenantOwned
{
    private AccountTier()
    {
    }

    /// <summary>One row per account, so the account id is the key.</summary>
    public Guid AccountId { get; private init; }

    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }

    /// <summary>The tier's code; null while the account has none.</summary>
    public string? Code { get; private set; }

    /// <summary>When the account reached its tier (or lost its last one).</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>The program version whose tiers set <see cref="Code"/>.</summary>
    public int RuleVersion { get; private set; }

    /// <summary>The qualifying value found by the last evaluation.</summary>
    public decimal QualifyingValue { get; private set; }

    /// <summary>When the account drops below its tier unless it re-qualifies first; null when no downgrade is pending.</summary>
    public DateTimeOffset? DowngradeDueAt { get; private set; }

    /// <summary>When the tier worker evaluates the account next; null when only a posting can change anything.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Row version (xmin).</summary>
    public uint Version { get; private set; }

    public static AccountTier Start(Guid tenantId, Guid accountId, Guid customerId) =>
        new() { AccountId = accountId, TenantId = tenantId, CustomerId = customerId };

    /// <summary>
    /// Applies an evaluation and returns the change it made, if any.
    /// </summary>
    /// <param name="ladder">The tiers of the program in force.</param>
    /// <param name="value">The qualifying value now.</param>
    /// <param name="ruleVersion">The program version of <paramref name="ladder"/>.</param>
    /// <param name="belowSince">
    /// When the value fell (the refund's time, the window roll-off, the program change): a downgrade's grace counts
    /// from it. Never after <paramref name="now"/>.
    /// </param>
    /// <param name="nextRollOff">When the value next falls by the window alone (<see cref="TierLadder.NextRollOff"/>).</param>
    /// <param name="now">The evaluation's time.</param>
    public TierChange? Evaluate(
        TierLadder ladder, decimal value, int ruleVersion, DateTimeOffset belowSince, DateTimeOffset? nextRollOff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        var target = ladder.TierFor(value);
        var targetRank = target is null ? -1 : ladder.RankOf(target.Code)!.Value;
        var currentRank = ladder.RankOf(Code);
        QualifyingValue = value;
        TierChange? change = null;
        if (currentRank is null)
        {
            // The program no longer has the tier: there is no grace to read, and no threshold to keep, so it goes now.
            change = ChangeTo(target, ladder.Basis, TierDirection.Down, ruleVersion, now);
        }
        else if (targetRank > currentRank)
        {
            change = ChangeTo(target, ladder.Basis, TierDirection.Up, ruleVersion, now);
        }
        else if (targetRank == currentRank)
        {
            DowngradeDueAt = null;
        }
        else
        {
            var grace = ladder.Tiers[currentRank.Value].DowngradeGraceDays;
            DowngradeDueAt ??= (belowSince < now ? belowSince : now).AddDays(grace);
            if (now >= DowngradeDueAt)
            {
                change = ChangeTo(target, ladder.Basis, TierDirection.Down, ruleVersion, now);
            }
        }

        // Only a held tier can be lost by the window rolling on; without one, the next posting is what matters.
        var rollOff = Code is null ? null : nextRollOff;
        DueAt = (DowngradeDueAt, rollOff) switch
        {
            ({ } downgrade, { } roll) => downgrade < roll ? downgrade : roll,
            ({ } downgrade, null) => downgrade,
            (null, var roll) => roll,
        };
        return change;
    }

    private TierChange ChangeTo(TierRule? target, TierBasis basis, TierDirection direction, int ruleVersion, DateTimeOffset now)
    {
        var change = TierChange.Record(this, target?.Code, direction, basis, ruleVersion, now);
        Code = target?.Code;
        Since = now;
        RuleVersion = ruleVersion;
        DowngradeDueAt = null;
        return change;
    }
}
