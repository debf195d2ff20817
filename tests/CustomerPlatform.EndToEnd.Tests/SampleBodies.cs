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
            body[name] = PlausibleValue(name, Resolve(schema, operation.Components));
        }

        return body;
    }

    private static JsonNode? PlausibleValue(string name, JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Select(value => value.GetString()).FirstOrDefault(value => value is not null);
        }

        var types = Types(schema);
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

        // Optional lists (a purchase's lines) are left empty: a valid body needs none.
        if (types.Contains("array"))
        {
            return new JsonArray();
        }

        // Three-letter codes (currencies) are the only patterned strings so far; anything else gets a short word.
        return pattern is not null && pattern.Contains("{3}", StringComparison.Ordinal) ? "EUR" : "central";
    }

    /// <summary>
    /// The schema a property's value follows: a <c>$ref</c> followed into the document's components, and for a
    /// nullable reference (<c>oneOf</c> null or a type, as .NET writes nullable enums) the non-null alternative.
    /// </summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement components)
    {
        if (schema.TryGetProperty("oneOf", out var alternatives) || schema.TryGetProperty("anyOf", out alternatives))
        {
            var chosen = alternatives.EnumerateArray().FirstOrDefault(alternative => !Types(alternative).SequenceEqual(["null"]));
            return chosen.ValueKind == JsonValueKind.Object ? Resolve(chosen, components) : schema;
        }

        if (schema.TryGetProperty("$ref", out var reference) && components.ValueKind == JsonValueKind.Object
            && components.TryGetProperty("schemas", out var schemas)
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
        {
            return target;
        }

        return schema;
    }

    internal static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];
}
