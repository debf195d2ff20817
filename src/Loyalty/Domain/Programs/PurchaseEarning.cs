namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>
/// The points a purchase earns under one program version. The base is the amount paid times points per unit; a line
/// whose best multiplier is not 1 adds (factor - 1) times its own amount, so a discount on the receipt stays in the
/// base and, with no multiplier at all, the result is exactly the base (floor(amount) under the default rules).
/// Only the highest multiplier applying to a line counts: multipliers never stack, so a business can reason about
/// the most a line can earn by reading its list. A factor below 1 lowers a line only when it is the highest that
/// applies. A purchase without lines has no categories, so only multipliers with no category (branch ones) apply.
/// Rounding happens once, on the purchase's total.
/// The customer's tier multiplier (<see cref="TierRule.EarnMultiplier"/>, of the tier held when the purchase happened)
/// multiplies the whole result before rounding, so it combines with a line's multiplier as a product.
/// </summary>
public static class PurchaseEarning
{
    public static long Points(
        EarnRuleSet rules, decimal amount, string branch, IReadOnlyList<PurchaseLine>? lines, DateTimeOffset occurredAt, decimal tierMultiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (amount <= 0)
        {
            return 0;
        }

        var units = amount;
        if (lines is { Count: > 0 })
        {
            foreach (var line in lines)
            {
                units += (BestFactor(rules, line.Category, branch, occurredAt) - 1) * line.Amount;
            }
        }
        else
        {
            units = amount * BestFactor(rules, null, branch, occurredAt);
        }

        var raw = Math.Max(0, units) * tierMultiplier * rules.PointsPerUnit;
        var rounded = rules.Rounding switch
        {
            EarnRounding.Nearest => decimal.Round(raw, MidpointRounding.AwayFromZero),
            EarnRounding.Up => decimal.Ceiling(raw),
            _ => decimal.Floor(raw),
        };
        return checked((long)rounded);
    }

    /// <summary>The highest factor applying to a line of <paramref name="category"/> (null: an unitemised purchase); 1 when none does.</summary>
    public static decimal BestFactor(EarnRuleSet rules, string? category, string branch, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        decimal? best = null;
        foreach (var multiplier in rules.Multipliers)
        {
            if (multiplier.AppliesTo(category, branch, at) && (best is null || multiplier.Factor > best))
            {
                best = multiplier.Factor;
            }
        }

        return best ?? 1;
    }
}
