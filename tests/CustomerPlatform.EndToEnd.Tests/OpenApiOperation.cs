using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// One operation of a service's published OpenAPI document. The isolation and fuzz suites walk these, so an
/// endpoint added to any service is covered without touching the tests.
/// </summary>
public sealed partial record OpenApiOperation(
    string Service,
    string Method,
    string PathTemplate,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    JsonElement? RequestSchema,
    JsonElement Components)
{
    public bool HasPathIds => PathParameters.Count > 0;

    public bool IsWrite => Method is not ("GET" or "HEAD");

    /// <summary>The path with each parameter replaced by the value <paramref name="valueFor"/> gives it.</summary>
    public string PathWith(Func<string, string> valueFor) =>
        ParameterPattern().Replace(PathTemplate, match => Uri.EscapeDataString(valueFor(match.Groups["name"].Value)));

    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>
    /// Every operation the platform publishes: the four services' documents, and the gateway's own (keys, branches,
    /// audit, businesses) when <paramref name="includeGateway"/>.
    /// </summary>
    public static async Task<IReadOnlyList<OpenApiOperation>> ReadPlatformAsync(PlatformFixture platform, bool includeGateway)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var app in includeGateway ? [.. platform.Services, platform.Gateway] : platform.Services)
        {
            operations.AddRange(await ReadAsync(platform.Http, app.BaseAddress, app.Name));
        }

        return operations;
    }

    /// <summary>Reads every operation of a service's document.</summary>
    public static async Task<IReadOnlyList<OpenApiOperation>> ReadAsync(HttpClient http, Uri serviceBaseAddress, string service)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(serviceBaseAddress, "/openapi/v1.json")));
        var root = document.RootElement.Clone();
        var components = root.TryGetProperty("components", out var found) ? found : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                JsonElement? schema = operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? json.GetProperty("schema")
                    : null;
                operations.Add(new OpenApiOperation(
                    service,
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!)],
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)],
                    schema,
                    components));
            }
        }

        return operations;
    }

    /// <summary>The properties of the request body (after following a <c>$ref</c>), name → schema.</summary>
    public IReadOnlyDictionary<string, JsonElement> BodyProperties()
    {
        if (RequestSchema is not { } schema)
        {
            return new Dictionary<string, JsonElement>();
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = Components.GetProperty("schemas").GetProperty(name);
        }

        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(property => property.Name, property => property.Value)
            : new Dictionary<string, JsonElement>();
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex ParameterPattern();
}
