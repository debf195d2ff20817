using System.Text.Json;

namespace CustomerPlatform.Customers.Features.Purchases;

/// <summary>Enum values as events carry them: the same camelCase strings the HTTP API shows (<c>inStore</c>, <c>void</c>).</summary>
internal static class WireName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
