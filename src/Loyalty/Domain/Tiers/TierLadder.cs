using CustomerPlatform.Loyalty.Domain.Programs;

namespace CustomerPlatform.Loyalty.Domain.Tiers;

/// <summary>
/// A program version's tiers as one ladder, lowest first: one basis (points or spend) and one rolling window
/// (0 months: lifetime), both taken from the first tier (<see cref="ProgramRules.Check"/> keeps every tier the same).
/// A customer's qualifying value is what they earned or spent within the window; their tier is the highest whose
/// threshold the value reaches.
/// </summary>
public sealed class TierLadder
{
    private TierLadder(IReadOnlyList<TierRule> tiers)
    {
        Tiers = tiers;
        Basis = tiers.Count > 0 ? tiers[0].Basis : TierBasis.Points;
        WindowMonths = tiers.Count > 0 ? tiers[0].WindowMonths : 0;
    }

    public IReadOnlyList<TierRule> Tiers { get; }
    public TierBasis Basis { get; }
    public int WindowMonths { get; }
    public bool IsEmpty => Tiers.Count == 0;

    public static TierLadder Of(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new TierLadder(rules.Tiers);
    }

    /// <summary>
    /// A time before which no contribution can count at <paramref name="now"/> (a month of slack, so a database query
    /// can narrow by it; <see cref="InWindow"/> decides); null for a lifetime ladder.
    /// </summary>
    public DateTimeOffset? EarliestCounted(DateTimeOffset now) => WindowMonths == 0 ? null : now.AddMonths(-WindowMonths - 1);

    /// <summary>
    /// Whether a contribution still counts at <paramref name="now"/>. Defined by when it leaves
    /// (<see cref="LeavesAt"/>) rather than by now minus the window: month arithmetic does not run backwards exactly
    /// (31 January plus a month is 28 February), and the worker must find the value changed when it wakes at LeavesAt.
    /// </summary>
    public bool InWindow(TierContribution contribution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return LeavesAt(contribution) is not { } leaves || leaves > now;
    }

    /// <summary>When a contribution leaves the rolling window; null when it never does (lifetime).</summary>
    public DateTimeOffset? LeavesAt(TierContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return WindowMonths == 0 ? null : contribution.OccurredAt.AddMonths(WindowMonths);
    }

    /// <summary>The qualifying value at <paramref name="now"/>: points (less reversals) or spend (less refunds) within the window.</summary>
    public decimal QualifyingValue(IEnumerable<TierContribution> contributions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var value = 0m;
        foreach (var contribution in contributions)
        {
            if (InWindow(contribution, now))
            {
                value += Basis == TierBasis.Spend ? contribution.Spend : contribution.Points;
            }
        }

        return value;
    }

    /// <summary>When the value next falls by the window alone: the first counting contribution to leave it; null if none will.</summary>
    public DateTimeOffset? NextRollOff(IEnumerable<TierContribution> contributions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        DateTimeOffset? first = null;
        foreach (var contribution in contributions)
        {
            var counts = Basis == TierBasis.Spend ? contribution.Spend > 0 : contribution.Points > 0;
            if (counts && LeavesAt(contribution) is { } leaves && leaves > now && (first is null || leaves < first))
            {
                first = leaves;
            }
        }

        return first;
    }

    /// <summary>The highest tier whose threshold <paramref name="value"/> reaches; null below the first.</summary>
    public TierRule? TierFor(decimal value)
    {
        TierRule? reached = null;
        foreach (var tier in Tiers)
        {
            if (value >= tier.Threshold)
            {
                reached = tier;
            }
        }

        return reached;
    }

    /// <summary>A tier's place on the ladder (0 the lowest); -1 for no tier; null for a code the ladder does not have.</summary>
    public int? RankOf(string? code)
    {
        if (code is null)
        {
            return -1;
        }

        for (var index = 0; index < Tiers.Count; index++)
        {
            if (string.Equals(Tiers[index].Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>The tier with <paramref name="code"/>; null for none or a code the ladder does not have.</summary>
    public TierRule? Find(string? code) => RankOf(code) is { } rank and >= 0 ? Tiers[rank] : null;

    /// <summary>The tier above <paramref name="code"/> (the first tier for none); null at the top.</summary>
    public TierRule? Above(string? code) => RankOf(code) is { } rank && rank + 1 < Tiers.Count ? Tiers[rank + 1] : null;
}
