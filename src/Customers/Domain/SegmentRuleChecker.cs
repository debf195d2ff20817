using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// Checks a segment's rules and turns them into <see cref="SegmentFilter"/>s; every problem is reported at once under
/// its JSON path, e.g. <c>rules.conditions[2].value</c> or <c>rules.conditions[0].any[1].op</c>.
/// </summary>
public static partial class SegmentRuleChecker
{
    /// <summary>Conditions in all, counting those inside <c>any</c> groups; each is a term of one SQL statement.</summary>
    public const int MaxConditions = 50;

    public const int MaxValues = 100;
    public const int MaxDays = 36_500;
    public const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly SegmentOperator[] EqOrIn = [SegmentOperator.Eq, SegmentOperator.In];
    private static readonly SegmentOperator[] Comparisons = [SegmentOperator.Eq, SegmentOperator.Gte, SegmentOperator.Lte];
    private static readonly SegmentOperator[] Bounds = [SegmentOperator.Gte, SegmentOperator.Lte];

    /// <summary>The filters, or null with the errors added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<SegmentFilter>? Check(
        SegmentRules? rules,
        IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
        Dictionary<string, string[]> errors,
        string path = "rules")
    {
        var errorsBefore = errors.Count;
        if (rules is null)
        {
            errors[path] = ["Rules are required: {\"conditions\": [...]} (an empty list matches every customer)."];
            return null;
        }

        var conditions = rules.Conditions ?? [];
        var total = conditions.Sum(condition => condition?.Any?.Count ?? 1);
        if (total > MaxConditions)
        {
            errors[$"{path}.conditions"] = [$"At most {MaxConditions} conditions in all, counting those in 'any' groups."];
            return null;
        }

        var filters = new List<SegmentFilter>();
        for (var index = 0; index < conditions.Count; index++)
        {
            if (CheckCondition(conditions[index], $"{path}.conditions[{index}]", definitions, errors, allowGroup: true) is { } filter)
            {
                filters.Add(filter);
            }
        }

        return errors.Count > errorsBefore ? null : filters;
    }

    private static SegmentFilter? CheckCondition(
        SegmentCondition? condition,
        string path,
        IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
        Dictionary<string, string[]> errors,
        bool allowGroup)
    {
        if (condition is null)
        {
            errors[path] = ["A condition is required here."];
            return null;
        }

        if (condition.Any is not null)
        {
            return CheckGroup(condition, path, definitions, errors, allowGroup);
        }

        if (condition.Field is not { } field)
        {
            errors[$"{path}.field"] = ["A field is required (or an 'any' group)."];
            return null;
        }

        if (condition.Op is not { } op)
        {
            errors[$"{path}.op"] = ["An op is required."];
            return null;
        }

        var check = new ConditionCheck(condition, path, errors);
        return field switch
        {
            SegmentField.Status => check.Allow(op, EqOrIn) ? check.Names<LifecycleStatus>(field, op, LifecycleStatus.Erased) : null,
            SegmentField.Kind => check.Allow(op, EqOrIn) ? check.Names<CustomerKind>(field, op) : null,
            SegmentField.HomeBranch => check.Allow(op, EqOrIn) ? check.Texts(op, 50, text => text) is { } branches ? new ValueInFilter(field, branches) : null : null,
            SegmentField.Tags => check.Allow(op, [SegmentOperator.HasAny, SegmentOperator.HasAll])
                ? check.Texts(op, CustomerDetails.MaxTagLength, text => text.ToLowerInvariant()) is { } tags ? new TagsFilter(tags, op == SegmentOperator.HasAll) : null
                : null,
            SegmentField.Rating or SegmentField.RecencyScore or SegmentField.FrequencyScore or SegmentField.MonetaryScore =>
                check.Allow(op, Comparisons) && check.Number(1, 5, whole: true) is { } score ? new NumberFilter(field, op, score) : null,
            SegmentField.PurchaseCount => check.Allow(op, Comparisons) && check.Number(0, int.MaxValue, whole: true) is { } count ? new NumberFilter(field, op, count) : null,
            SegmentField.TotalSpent => check.Allow(op, Bounds) && check.Number(0, MaxAmount, whole: false) is { } amount ? new NumberFilter(field, op, amount) : null,
            SegmentField.DaysSinceLastPurchase or SegmentField.DaysSinceRegistered =>
                check.Allow(op, Bounds) && check.Number(0, MaxDays, whole: true) is { } days ? new DaysSinceFilter(field, op, (int)days) : null,
            SegmentField.Consent => check.Allow(op, [SegmentOperator.Granted]) && check.Name<ContactChannel>() is { } channel ? new ConsentFilter(channel) : null,
            SegmentField.Attribute => CheckAttribute(check, condition, op, path, definitions, errors),
            SegmentField.RfmCell => check.Allow(op, EqOrIn) ? check.Texts(op, 3, text => RfmCellPattern().IsMatch(text) ? text : null, "An RFM cell is three digits from 1 to 5, e.g. 545.") is { } cells ? new ValueInFilter(field, cells) : null : null,
            SegmentField.ValueTier => check.Allow(op, EqOrIn) ? check.Names<ValueTier>(field, op) : null,
            SegmentField.Prospect => check.Allow(op, [SegmentOperator.Eq]) && check.Flag() is { } prospect ? new ProspectFilter(prospect) : null,
            _ => null,
        };
    }

    private static AnyOfFilter? CheckGroup(
        SegmentCondition condition, string path, IReadOnlyDictionary<string, CustomAttributeDefinition> definitions, Dictionary<string, string[]> errors, bool allowGroup)
    {
        if (!allowGroup)
        {
            errors[$"{path}.any"] = ["'any' groups do not nest."];
            return null;
        }

        if (condition.Field is not null || condition.Op is not null || condition.Value is not null || condition.Values is not null || condition.Key is not null)
        {
            errors[path] = ["A condition is either an 'any' group or a field with an op, not both."];
            return null;
        }

        if (condition.Any!.Count == 0)
        {
            errors[$"{path}.any"] = ["An 'any' group needs at least one condition."];
            return null;
        }

        var filters = new List<SegmentFilter>();
        for (var index = 0; index < condition.Any.Count; index++)
        {
            if (CheckCondition(condition.Any[index], $"{path}.any[{index}]", definitions, errors, allowGroup: false) is { } filter)
            {
                filters.Add(filter);
            }
        }

        return filters.Count == condition.Any.Count ? new AnyOfFilter(filters) : null;
    }

    private static AttributeFilter? CheckAttribute(
        ConditionCheck check,
        SegmentCondition condition,
        SegmentOperator op,
        string path,
        IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
        Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(condition.Key))
        {
            errors[$"{path}.key"] = ["The custom attribute's key is required."];
            return null;
        }

        if (!definitions.TryGetValue(condition.Key, out var definition))
        {
            errors[$"{path}.key"] = ["No custom attribute with this key is defined."];
            return null;
        }

        var ordered = definition.Type is CustomAttributeType.Number or CustomAttributeType.Date;
        if (!check.Allow(op, ordered ? [SegmentOperator.Exists, SegmentOperator.Eq, SegmentOperator.Gt, SegmentOperator.Lt] : [SegmentOperator.Exists, SegmentOperator.Eq]))
        {
            return null;
        }

        if (op == SegmentOperator.Exists)
        {
            return condition.Value is null ? new AttributeFilter(definition.Key, definition.Type, op, null) : check.Fail("value", "'exists' takes no value.");
        }

        if (condition.Value is not { ValueKind: not JsonValueKind.Null } value)
        {
            return check.Fail("value", $"A {Lower(definition.Type)} value is required.");
        }

        return definition.Check(value) is { } problem ? check.Fail("value", problem) : new AttributeFilter(definition.Key, definition.Type, op, value.Clone());
    }

    private static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    [GeneratedRegex("^[1-5]{3}$")]
    private static partial Regex RfmCellPattern();

    /// <summary>Reads one condition's value(s), adding errors under its path.</summary>
    private sealed class ConditionCheck(SegmentCondition condition, string path, Dictionary<string, string[]> errors)
    {
        public bool Allow(SegmentOperator op, SegmentOperator[] allowed)
        {
            if (allowed.Contains(op))
            {
                return true;
            }

            errors[$"{path}.op"] = [$"Field '{Lower(condition.Field!.Value)}' takes op {string.Join(", ", allowed.Select(candidate => $"'{Lower(candidate)}'"))}."];
            return false;
        }

        public T? Fail<T>(string member, string message) where T : class
        {
            errors[$"{path}.{member}"] = [message];
            return null;
        }

        public AttributeFilter? Fail(string member, string message) => Fail<AttributeFilter>(member, message);

        /// <summary>The texts of <c>value</c> (op eq) or <c>values</c> (the list ops), each normalised, or null when one is wrong.</summary>
        public IReadOnlyList<string>? Texts(SegmentOperator op, int maxLength, Func<string, string?> normalise, string? invalid = null)
        {
            var single = op == SegmentOperator.Eq;
            if (single ? condition.Values is not null : condition.Value is not null)
            {
                return Fail<IReadOnlyList<string>>(single ? "values" : "value", single ? "Op 'eq' takes one 'value'." : $"Op '{Lower(op)}' takes a 'values' list.");
            }

            IReadOnlyList<JsonElement> elements = single
                ? condition.Value is { } one ? [one] : []
                : condition.Values ?? [];
            var member = single ? "value" : "values";
            if (elements.Count == 0 || elements.Count > MaxValues)
            {
                return Fail<IReadOnlyList<string>>(member, single ? "A value is required." : $"A list of 1 to {MaxValues} values is required.");
            }

            var texts = new List<string>();
            var failed = false;
            for (var index = 0; index < elements.Count; index++)
            {
                var text = elements[index].ValueKind == JsonValueKind.String ? elements[index].GetString()!.Trim() : null;
                var normalised = text is { Length: > 0 } && text.Length <= maxLength ? normalise(text) : null;
                if (normalised is null)
                {
                    errors[single ? $"{path}.value" : $"{path}.values[{index}]"] = [invalid ?? $"A text of 1 to {maxLength} characters."];
                    failed = true;
                }
                else if (!texts.Contains(normalised, StringComparer.Ordinal))
                {
                    texts.Add(normalised);
                }
            }

            return failed ? null : texts;
        }

        /// <summary>Enum names (as the API spells them) stored as the column stores them: the C# name.</summary>
        public ValueInFilter? Names<TEnum>(SegmentField field, SegmentOperator op, params TEnum[] excluded) where TEnum : struct, Enum
        {
            var allowed = Enum.GetValues<TEnum>().Except(excluded).ToDictionary(Lower, value => value.ToString(), StringComparer.OrdinalIgnoreCase);
            var names = Texts(op, 50, text => allowed.GetValueOrDefault(text), $"One of {string.Join(", ", allowed.Keys)}.");
            return names is null ? null : new ValueInFilter(field, names);
        }

        public TEnum? Name<TEnum>() where TEnum : struct, Enum
        {
            var allowed = Enum.GetValues<TEnum>().ToDictionary(Lower, value => value, StringComparer.OrdinalIgnoreCase);
            if (condition.Value is { ValueKind: JsonValueKind.String } value && allowed.TryGetValue(value.GetString()!.Trim(), out var found))
            {
                return found;
            }

            errors[$"{path}.value"] = [$"One of {string.Join(", ", allowed.Keys)}."];
            return null;
        }

        public decimal? Number(decimal min, decimal max, bool whole)
        {
            if (condition.Values is not null)
            {
                errors[$"{path}.values"] = ["This op takes one 'value'."];
                return null;
            }

            if (condition.Value is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number)
                && number >= min && number <= max && (!whole || decimal.Truncate(number) == number))
            {
                return number;
            }

            var kind = whole ? "A whole number" : "A number";
            errors[$"{path}.value"] = [string.Create(CultureInfo.InvariantCulture, $"{kind} from {min} to {max}.")];
            return null;
        }

        public bool? Flag()
        {
            if (condition.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value)
            {
                return value.GetBoolean();
            }

            errors[$"{path}.value"] = ["true or false."];
            return null;
        }
    }
}
