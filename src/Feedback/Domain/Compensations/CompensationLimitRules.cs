using System.Text.RegularExpressions;

namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>A role's authority as sent, before its checks.</summary>
public sealed record RoleLimitsDraft(string? Role, int? Rank, decimal? Refund, decimal? CreditNote, decimal? Replacement, decimal? LoyaltyPoints);

/// <summary>A role's authority once checked.</summary>
public sealed record RoleLimits(string Role, int Rank, CompensationLimits Limits);

/// <summary>
/// Checks a business's authority limits, reporting field errors by their JSON paths (<c>roles[1].limits.refund</c>).
/// Ranks are distinct so that "outranks" is always decided, and a role never has a lower limit than a role it outranks:
/// otherwise compensation pending for one role could be beyond the reach of its superiors.
/// </summary>
public static partial class CompensationLimitRules
{
    public const decimal MaxMoney = 1_000_000_000m;
    public const long MaxPoints = 100_000_000;
    public const int MaxMoneyDecimals = 4;

    /// <summary>The roles in rank order (lowest first), or null with <paramref name="errors"/> filled in.</summary>
    public static IReadOnlyList<RoleLimits>? Check(string? currency, IReadOnlyList<RoleLimitsDraft?>? roles, IDictionary<string, string[]> errors)
    {
        if (currency is null || !CurrencyPattern().IsMatch(currency))
        {
            errors["currency"] = ["An ISO 4217 code in capitals, such as EUR."];
        }

        if (roles is null || roles.Count == 0 || roles.Count > CompensationAuthority.MaxRoles)
        {
            errors["roles"] = [$"Between 1 and {CompensationAuthority.MaxRoles} roles."];
            return null;
        }

        var checkedRoles = new List<(int Index, RoleLimits Limits)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ranks = new HashSet<int>();
        for (var index = 0; index < roles.Count; index++)
        {
            var field = $"roles[{index}]";
            if (roles[index] is not { } draft)
            {
                errors[field] = ["A role with its rank and limits."];
                continue;
            }

            var role = draft.Role?.Trim();
            if (role is null || !RolePattern().IsMatch(role))
            {
                errors[$"{field}.role"] = [$"1 to {CompensationAuthority.MaxRoleLength} letters, digits, '-', '_' or '.'."];
            }
            else if (!names.Add(role))
            {
                errors[$"{field}.role"] = [$"The role '{role}' is listed twice."];
            }

            if (draft.Rank is not { } rank || rank < 0 || rank > CompensationAuthority.MaxRank)
            {
                errors[$"{field}.rank"] = [$"A whole number from 0 to {CompensationAuthority.MaxRank}."];
            }
            else if (!ranks.Add(rank))
            {
                errors[$"{field}.rank"] = ["Another role has this rank; ranks decide who outranks whom, so they are distinct."];
            }

            var refund = Money(draft.Refund, $"{field}.limits.refund", errors);
            var creditNote = Money(draft.CreditNote, $"{field}.limits.creditNote", errors);
            var replacement = Money(draft.Replacement, $"{field}.limits.replacement", errors);
            var points = Points(draft.LoyaltyPoints, $"{field}.limits.loyaltyPoints", errors);
            if (role is not null && draft.Rank is { } someRank && refund is { } r && creditNote is { } c && replacement is { } p && points is { } l)
            {
                checkedRoles.Add((index, new RoleLimits(role, someRank, new CompensationLimits(r, c, p, l))));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var ordered = checkedRoles.OrderBy(entry => entry.Limits.Rank).ToList();
        for (var position = 1; position < ordered.Count; position++)
        {
            var (index, higher) = ordered[position];
            var lower = ordered[position - 1].Limits;
            foreach (var type in Enum.GetValues<CompensationType>())
            {
                if (higher.Limits.For(type) < lower.Limits.For(type))
                {
                    errors[$"roles[{index}].limits.{LimitName(type)}"] =
                        [$"Lower than the limit of '{lower.Role}', which '{higher.Role}' outranks."];
                }
            }
        }

        return errors.Count > 0 ? null : [.. ordered.Select(entry => entry.Limits)];
    }

    private static decimal? Money(decimal? amount, string field, IDictionary<string, string[]> errors)
    {
        if (amount is not { } value || value < 0 || value > MaxMoney || value.Scale > MaxMoneyDecimals && value != decimal.Round(value, MaxMoneyDecimals))
        {
            errors[field] = [$"An amount from 0 to {MaxMoney:0}, with at most {MaxMoneyDecimals} decimal places."];
            return null;
        }

        return value;
    }

    private static long? Points(decimal? amount, string field, IDictionary<string, string[]> errors)
    {
        if (amount is not { } value || value < 0 || value > MaxPoints || value != decimal.Truncate(value))
        {
            errors[field] = [$"Whole points from 0 to {MaxPoints}."];
            return null;
        }

        return (long)value;
    }

    private static string LimitName(CompensationType type) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex RolePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
