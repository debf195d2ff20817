using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// Request bodies built from an operation's schema: a plausible valid one (so a request gets past validation to
/// the check under test), and the base the fuzz suite mutates.
/// </summary>
public static class SampleBodies
{
    /// <summary>A body every property of which has a plausible value, or null when the operation takes none.</summary>
    public static JsonObject? Valid(OpenApiOperation operation)
    {
        if (operation.RequestSchema is null)
        {
            return null;
        }

        var body = new JsonObject();
        foreach (var (name, schema) in operation.BodyProperties())
        {
            body[name] = PlausibleValue(name, schema, operation.Components);
        }

        return body;
    }

    private static JsonNode? PlausibleValue(string name, JsonElement schema, JsonElement components)
    {
        if (EnumValues(schema, components).FirstOrDefault() is { } enumValue)
        {
            return enumValue;
        }

        var types = Types(schema);
        if (types.Contains("array") && schema.TryGetProperty("items", out var items) && Types(items).Contains("string"))
        {
            return new JsonArray(PlausibleValue(name, items, components));
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var pattern = schema.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        if (format == "uuid" || name.EndsWith("Id", StringComparison.Ordinal))
        {
            return null;
        }

        if (format == "date-time")
        {
            return DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        }

        if (types.Contains("integer"))
        {
            return 5;
        }

        if (types.Contains("number"))
        {
            return 10.5m;
        }

        if (types.Contains("boolean"))
        {
            return true;
        }

        // Three-letter codes (currencies) are the only patterned strings so far; anything else gets a short word.
        return pattern is not null && pattern.Contains("{3}", StringComparison.Ordinal) ? "EUR" : "central";
    }

    // An enum property is written as a $ref to its schema, wrapped in a oneOf with null when it is optional.
    private static IEnumerable<string> EnumValues(JsonElement schema, JsonElement components)
    {
        if (schema.TryGetProperty("$ref", out var reference)
            && components.ValueKind == JsonValueKind.Object
            && components.TryGetProperty("schemas", out var schemas)
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
        {
            schema = target;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!);
        }

        return schema.TryGetProperty("oneOf", out var options)
            ? options.EnumerateArray().SelectMany(option => EnumValues(option, components))
            : [];
    }

    internal static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];
}
