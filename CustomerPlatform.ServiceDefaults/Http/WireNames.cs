using System.Text.Json;

namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>Enum values as the API and the events spell them (camelCase, as the JSON options write enums).</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value.ToString());

    public static string? Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } some ? Of(some) : null;

    /// <summary>A stored enum name (<c>InformationRequest</c>) in its wire form (<c>informationRequest</c>).</summary>
    public static string Of(string enumName) => JsonNamingPolicy.CamelCase.ConvertName(enumName);
}
