using CustomerPlatform.Loyalty.Domain.Programs;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>Turns a request into program rules (trimmed, defaults filled in) and checks them.</summary>
internal static class ProgramRequests
{
    /// <summary>The rules, or null with <paramref name="errors"/> filled (JSON paths) when the request breaks a rule.</summary>
    public static ProgramRules? Read(ProgramRequest request, Dictionary<string, string[]> errors)
    {
        var defaults = ProgramRules.Default;
        var earn = request.Earn;
        var multipliers = new List<EarnMultiplier>();
        for (var index = 0; index < (earn?.Multipliers?.Count ?? 0); index++)
        {
            if (earn!.Multipliers![index] is not { } multiplier)
            {
                errors[$"earn.multipliers[{index}]"] = ["A multiplier, not null."];
                continue;
            }

            if (multiplier.Factor is null)
            {
                errors[$"earn.multipliers[{index}].factor"] = ["Required: above 0 and at most 10."];
            }

            multipliers.Add(new EarnMultiplier(Code(multiplier.Category), Code(multiplier.Branch), multiplier.Factor ?? 1, multiplier.From, multiplier.To));
        }

        var tiers = new List<TierRule>();
        for (var index = 0; index < (request.Tiers?.Count ?? 0); index++)
        {
            if (request.Tiers![index] is not { } tier)
            {
                errors[$"tiers[{index}]"] = ["A tier, not null."];
                continue;
            }

            if (tier.Threshold is null)
            {
                errors[$"tiers[{index}].threshold"] = ["Required: the points or spend that reach the tier."];
            }

            tiers.Add(new TierRule(
                tier.Code?.Trim() ?? "",
                tier.Name?.Trim() ?? "",
                tier.Basis ?? TierBasis.Points,
                tier.Threshold ?? 0,
                tier.WindowMonths ?? 0,
                string.IsNullOrWhiteSpace(tier.Benefits) ? null : tier.Benefits.Trim(),
                tier.EarnMultiplier ?? 1,
                tier.DowngradeGraceDays ?? 0));
        }

        // A null entry would shift the indexes the rules report, so the paths would name the wrong entries.
        if (errors.Keys.Any(field => field.EndsWith("]", StringComparison.Ordinal)))
        {
            return null;
        }

        var bonuses = earn?.Bonuses;
        var rules = new ProgramRules(
            request.CurrencyName?.Trim() ?? defaults.CurrencyName,
            new EarnRuleSet(
                earn?.PointsPerUnit ?? defaults.Earn.PointsPerUnit,
                earn?.Rounding ?? defaults.Earn.Rounding,
                multipliers,
                new EarnBonuses(bonuses?.FirstPurchase ?? 0, bonuses?.FeedbackResponse ?? 0, bonuses?.Referral ?? 0, bonuses?.Birthday ?? 0),
                earn?.PendingDays ?? defaults.Earn.PendingDays),
            tiers,
            new ExpiryRule(request.Expiry?.Months ?? 0, request.Expiry?.NoticeDays ?? 0));
        foreach (var (field, messages) in rules.Check())
        {
            errors.TryAdd(field, messages);
        }

        return errors.Count > 0 ? null : rules;
    }

    // Category and branch codes are matched case-insensitively; blank means "not given", which the rules then name.
    private static string? Code(string? code) => code is null ? null : code.Trim();
}
