namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>
/// The content of one version of a business's loyalty program. Immutable: a change is a new version, so an entry
/// can always be explained by the rules named in its <see cref="LedgerEntry.RuleVersion"/>.
/// </summary>
public sealed record ProgramRules(string CurrencyName, EarnRuleSet Earn, IReadOnlyList<TierRule> Tiers, ExpiryRule Expiry)
{
    public const int MaxNameLength = 30;
    public const int MaxCodeLength = 50;
    public const int MaxMultipliers = 100;
    public const int MaxTiers = 20;
    public const int MaxPendingDays = 365;
    public const int MaxGraceDays = 365;
    public const int MaxWindowMonths = 120;
    public const int MaxExpiryMonths = 120;
    public const int MaxNoticeDays = 365;
    public const int MaxTierNameLength = 100;
    public const int MaxBenefitsLength = 1000;
    public const long MaxBonus = 1_000_000;

    // Caps keep the largest purchase times the largest factor well inside a long.
    public const decimal MaxPointsPerUnit = 1000;
    public const decimal MaxThreshold = 1_000_000_000;

    /// <summary>Version 0, the rules of a business that has set none: one point per whole unit, rounded down, nothing else.</summary>
    public static readonly ProgramRules Default = new(
        "points",
        new EarnRuleSet(1, EarnRounding.Down, [], EarnBonuses.None, 0),
        [],
        ExpiryRule.Never);

    /// <summary>Every broken rule, keyed by the JSON path of the field that breaks it (<c>earn.multipliers[1].factor</c>).</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (CurrencyName.Length is 0 or > MaxNameLength)
        {
            errors["currencyName"] = [$"A name of 1 to {MaxNameLength} characters, such as \"points\" or \"stars\"."];
        }

        CheckEarn(errors);
        CheckTiers(errors);
        if (Expiry.Months is < 0 or > MaxExpiryMonths)
        {
            errors["expiry.months"] = [$"A whole number of months from 0 (never) to {MaxExpiryMonths}."];
        }

        if (Expiry.NoticeDays is < 0 or > MaxNoticeDays)
        {
            errors["expiry.noticeDays"] = [$"A whole number of days from 0 to {MaxNoticeDays}."];
        }
        else if (Expiry.Months == 0 && Expiry.NoticeDays > 0)
        {
            errors["expiry.noticeDays"] = ["Points that never expire need no notice: set months, or noticeDays to 0."];
        }

        return errors;
    }

    private void CheckEarn(Dictionary<string, string[]> errors)
    {
        if (Earn.PointsPerUnit is <= 0 or > MaxPointsPerUnit)
        {
            errors["earn.pointsPerUnit"] = [$"Above 0 and at most {MaxPointsPerUnit}."];
        }

        if (Earn.PendingDays is < 0 or > MaxPendingDays)
        {
            errors["earn.pendingDays"] = [$"A whole number of days from 0 to {MaxPendingDays}."];
        }

        if (Earn.Multipliers.Count > MaxMultipliers)
        {
            errors["earn.multipliers"] = [$"At most {MaxMultipliers} multipliers."];
        }

        for (var index = 0; index < Earn.Multipliers.Count; index++)
        {
            var multiplier = Earn.Multipliers[index];
            var path = $"earn.multipliers[{index}]";
            if (multiplier.Category is null && multiplier.Branch is null)
            {
                errors[path] = ["A multiplier needs a category, a branch, or both."];
            }

            CheckCode(errors, $"{path}.category", multiplier.Category);
            CheckCode(errors, $"{path}.branch", multiplier.Branch);
            if (multiplier.Factor is <= 0 or > EarnMultiplier.MaxFactor)
            {
                errors[$"{path}.factor"] = [$"Above 0 and at most {EarnMultiplier.MaxFactor}."];
            }

            if (multiplier is { From: { } from, To: { } to } && to <= from)
            {
                errors[$"{path}.to"] = ["After from: the window is from inclusive, to exclusive."];
            }
        }

        CheckBonus(errors, "firstPurchase", Earn.Bonuses.FirstPurchase);
        CheckBonus(errors, "feedbackResponse", Earn.Bonuses.FeedbackResponse);
        CheckBonus(errors, "referral", Earn.Bonuses.Referral);
        CheckBonus(errors, "birthday", Earn.Bonuses.Birthday);
    }

    private void CheckTiers(Dictionary<string, string[]> errors)
    {
        if (Tiers.Count > MaxTiers)
        {
            errors["tiers"] = [$"At most {MaxTiers} tiers."];
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < Tiers.Count; index++)
        {
            var tier = Tiers[index];
            var path = $"tiers[{index}]";
            if (tier.Code.Length is 0 or > MaxCodeLength)
            {
                errors[$"{path}.code"] = [$"A code of 1 to {MaxCodeLength} characters."];
            }
            else if (!codes.Add(tier.Code))
            {
                errors[$"{path}.code"] = [$"Tier code '{tier.Code}' is used by an earlier tier; codes are unique."];
            }

            if (tier.Name.Length is 0 or > MaxTierNameLength)
            {
                errors[$"{path}.name"] = [$"A name of 1 to {MaxTierNameLength} characters."];
            }

            // Tiers form one ladder: comparing a points threshold with a spend threshold would mean nothing.
            if (index > 0 && tier.Basis != Tiers[0].Basis)
            {
                errors[$"{path}.basis"] = ["Every tier uses the same basis as the first."];
            }

            if (tier.Threshold is < 0 or > MaxThreshold)
            {
                errors[$"{path}.threshold"] = [$"From 0 to {MaxThreshold}."];
            }
            else if (index > 0 && tier.Threshold <= Tiers[index - 1].Threshold)
            {
                errors[$"{path}.threshold"] = ["Above the previous tier's threshold: tiers are listed from lowest to highest."];
            }

            if (tier.WindowMonths is < 0 or > MaxWindowMonths)
            {
                errors[$"{path}.windowMonths"] = [$"A whole number of months from 0 (lifetime) to {MaxWindowMonths}."];
            }
            else if (index > 0 && tier.WindowMonths != Tiers[0].WindowMonths)
            {
                // One qualifying value places the customer on the ladder, so it is counted over one window.
                errors[$"{path}.windowMonths"] = ["Every tier uses the same window as the first."];
            }

            if (tier.Benefits?.Length > MaxBenefitsLength)
            {
                errors[$"{path}.benefits"] = [$"At most {MaxBenefitsLength} characters."];
            }

            if (tier.EarnMultiplier is <= 0 or > EarnMultiplier.MaxFactor)
            {
                errors[$"{path}.earnMultiplier"] = [$"Above 0 and at most {EarnMultiplier.MaxFactor}."];
            }

            if (tier.DowngradeGraceDays is < 0 or > MaxGraceDays)
            {
                errors[$"{path}.downgradeGraceDays"] = [$"A whole number of days from 0 to {MaxGraceDays}."];
            }
        }
    }

    private static void CheckCode(Dictionary<string, string[]> errors, string path, string? code)
    {
        if (code is not null && code.Length is 0 or > MaxCodeLength)
        {
            errors[path] = [$"Absent, or 1 to {MaxCodeLength} characters."];
        }
    }

    private static void CheckBonus(Dictionary<string, string[]> errors, string name, long points)
    {
        if (points is < 0 or > MaxBonus)
        {
            errors[$"earn.bonuses.{name}"] = [$"Whole points from 0 (off) to {MaxBonus}."];
        }
    }
}
