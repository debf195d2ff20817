using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A segment's rules as a client writes them and as they are stored: every condition must hold (AND); a condition
/// may instead be an <c>any</c> group, which holds when one of its conditions does (OR).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SegmentRules
{
    /// <summary>The conditions, all of which a member meets; none means every customer (not archived).</summary>
    public IReadOnlyList<SegmentCondition>? Conditions { get; init; }
}

/// <summary>
/// One condition: a <c>field</c>, an <c>op</c> and a <c>value</c> (or <c>values</c> for <c>in</c>, <c>hasAny</c>,
/// <c>hasAll</c>), e.g. <c>{"field":"tags","op":"hasAny","values":["vip"]}</c>; or an <c>any</c> group of conditions.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SegmentCondition
{
    /// <summary>What the condition is about.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SegmentField? Field { get; init; }

    /// <summary>How the field is compared with the value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SegmentOperator? Op { get; init; }

    /// <summary>The custom attribute's key (field <c>attribute</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>The value to compare with (a number, text, boolean or date as the field needs).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    /// <summary>The values for <c>in</c>, <c>hasAny</c> and <c>hasAll</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonElement>? Values { get; init; }

    /// <summary>A group that holds when any of its conditions does; instead of field, op and value. Groups do not nest.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SegmentCondition>? Any { get; init; }
}

/// <summary>What a segment condition looks at.</summary>
// The converter on the type keeps the stored rules (jsonb, written without the API's options) camelCase too.
[JsonConverter(typeof(CamelCaseEnumConverter<SegmentField>))]
public enum SegmentField
{
    /// <summary>Lifecycle status: <c>prospect</c>, <c>active</c> or <c>lapsed</c>; ops <c>eq</c>, <c>in</c>.</summary>
    Status,

    /// <summary><c>individual</c> or <c>business</c>; ops <c>eq</c>, <c>in</c>.</summary>
    Kind,

    /// <summary>Home branch code; ops <c>eq</c>, <c>in</c>.</summary>
    HomeBranch,

    /// <summary>Tags; ops <c>hasAny</c>, <c>hasAll</c>.</summary>
    Tags,

    /// <summary>The business's rating, 1 to 5; ops <c>eq</c>, <c>gte</c>, <c>lte</c>.</summary>
    Rating,

    /// <summary>Marketing consent; op <c>granted</c> with a channel (<c>email</c>, <c>sms</c>, <c>phone</c>, <c>post</c>).</summary>
    Consent,

    /// <summary>A custom attribute named by <c>key</c>; ops <c>exists</c>, <c>eq</c>, and <c>gt</c>/<c>lt</c> for numbers and dates.</summary>
    Attribute,

    /// <summary>Days since the last purchase; ops <c>gte</c>, <c>lte</c>. Prospects never match.</summary>
    DaysSinceLastPurchase,

    /// <summary>Days since the customer was registered; ops <c>gte</c>, <c>lte</c> (registered within N days: <c>lte</c> N).</summary>
    DaysSinceRegistered,

    /// <summary>Number of purchases (0 for prospects); ops <c>eq</c>, <c>gte</c>, <c>lte</c>.</summary>
    PurchaseCount,

    /// <summary>Total spent (0 for prospects); ops <c>gte</c>, <c>lte</c>.</summary>
    TotalSpent,

    /// <summary>Recency score, 1 to 5; ops <c>eq</c>, <c>gte</c>, <c>lte</c>.</summary>
    RecencyScore,

    /// <summary>Frequency score, 1 to 5; ops <c>eq</c>, <c>gte</c>, <c>lte</c>.</summary>
    FrequencyScore,

    /// <summary>Monetary score, 1 to 5; ops <c>eq</c>, <c>gte</c>, <c>lte</c>.</summary>
    MonetaryScore,

    /// <summary>RFM cell such as <c>545</c>; ops <c>eq</c>, <c>in</c>.</summary>
    RfmCell,

    /// <summary>Value tier: <c>top</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>none</c> (prospects); ops <c>eq</c>, <c>in</c>.</summary>
    ValueTier,

    /// <summary>Whether the customer has no purchases; op <c>eq</c> with <c>true</c> or <c>false</c>.</summary>
    Prospect,
}

/// <summary>How a condition compares its field with its value.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SegmentOperator>))]
public enum SegmentOperator
{
    Eq,
    In,
    HasAny,
    HasAll,
    Gt,
    Gte,
    Lt,
    Lte,
    Exists,
    Granted,
}

/// <summary>Enum values as camelCase strings wherever the type is serialised, with or without the API's options.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
