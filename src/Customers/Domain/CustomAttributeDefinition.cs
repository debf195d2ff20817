using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>The type of a custom attribute's values.</summary>
public enum CustomAttributeType
{
    Text,
    Number,
    Boolean,
    Date,
}

/// <summary>
/// A custom attribute a business defines for its customers (a shoe size, a VIP flag, a contract renewal date). Its
/// type is fixed once defined, so stored values and segment rules over them never disagree about what a value is.
/// </summary>
public sealed partial class CustomAttributeDefinition : ITenantOwned
{
    public const int MaxTextLength = 1000;

    private CustomAttributeDefinition()
    {
    }

    public Guid TenantId { get; private init; }
    public string Key { get; private init; } = "";
    public CustomAttributeType Type { get; private init; }
    public string Label { get; private set; } = "";
    public DateTimeOffset DefinedAt { get; private init; }

    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public static CustomAttributeDefinition Define(Guid tenantId, string key, CustomAttributeType type, string label, DateTimeOffset now) =>
        new() { TenantId = tenantId, Key = key, Type = type, Label = label.Trim(), DefinedAt = now };

    public bool Relabel(string label)
    {
        var trimmed = label.Trim();
        if (Label == trimmed)
        {
            return false;
        }

        Label = trimmed;
        return true;
    }

    /// <summary>Null when the value fits the type; otherwise what is wrong with it.</summary>
    public string? Check(JsonElement value) => (Type, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        (CustomAttributeType.Text, JsonValueKind.String) when value.GetString()!.Length <= MaxTextLength => null,
        (CustomAttributeType.Text, JsonValueKind.String) => $"At most {MaxTextLength} characters.",
        (CustomAttributeType.Number, JsonValueKind.Number) when value.TryGetDecimal(out _) => null,
        (CustomAttributeType.Boolean, JsonValueKind.True or JsonValueKind.False) => null,
        (CustomAttributeType.Date, JsonValueKind.String) when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _) => null,
        (CustomAttributeType.Date, _) => "A date, yyyy-MM-dd.",
        _ => $"A {Type.ToString().ToLowerInvariant()} value is expected.",
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,49}$")]
    private static partial Regex KeyPattern();
}
