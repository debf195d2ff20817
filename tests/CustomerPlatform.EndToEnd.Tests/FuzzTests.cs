using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// Thousands of malformed and mutated requests across every documented operation, through the gateway:
/// whatever a client sends, the answer is never a 5xx, and every 4xx is a problem details body.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class FuzzTests(PlatformFixture platform)
{
    private const int RequestCount = 10_000;
    private const int Parallelism = 12;
    private const int Seed = 20261122;

    private static readonly string Huge = new('x', 100_000);

    private static readonly string[] BadPathValues =
    [
        "not-a-guid", "0", "-1", "00000000-0000-0000-0000-000000000000", "%00", "..%2F..%2Fetc", new string('a', 3000),
        "1e309", "' OR 1=1 --", "{id}", "%F0%9F%92%A9", "null",
    ];

    private static readonly string[] BadRawBodies =
    [
        "", "{", "}", "[]", "null", "true", "42", "\"text\"", "{\"a\":}", "{\"a\" 1}", "{'single':'quotes'}",
        new string('[', 500) + new string(']', 500), "{\"x\":" + new string('{', 100) + new string('}', 100) + "}",
        "\u0000\u0001\u0002", "{\"displayName\":\"\uD800\"}", "<xml/>",
    ];

    private static readonly JsonNode?[] BadValues =
    [
        null, 123, -1, 1.5, true, false, "", "x", Huge, new JsonArray(), new JsonObject(), "not-an-enum-value",
        "2026-13-45T99:99:99Z", "1e400", JsonNode.Parse("1e308"), JsonNode.Parse("99999999999999999999999999999999"),
        JsonNode.Parse("-99999999999999999999999999999999"), long.MaxValue, int.MinValue, "00000000-0000-0000-0000-000000000000",
        "\uD83D\uDCA9", "<script>alert(1)</script>", "' OR 1=1 --", "nul\u0000inside",
    ];

    [Fact]
    public async Task EveryOperation_WithMalformedInput_NeverAnswers5xxAndEvery4xxIsAProblem()
    {
        var operations = await OpenApiOperation.ReadPlatformAsync(platform, includeGateway: true);

        var random = new Random(Seed);
        var requests = Enumerable.Range(0, RequestCount).Select(_ => Mutate(operations[random.Next(operations.Count)], random)).ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (fuzz, cancellationToken) =>
        {
            using var request = fuzz.ToRequest(platform.Gateway.BaseAddress, platform.BusinessA.ApiKey);
            using var response = await platform.Http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var failure = status >= 500 ? $"{status} for {fuzz}: {Truncate(body)}"
                : status >= 400 && !IsProblem(response, body, status) ? $"{status} without problem details for {fuzz}: {Truncate(body)}"
                : null;
            if (failure is not null)
            {
                failures.Add(failure);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {RequestCount} requests misbehaved, e.g.:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures.Take(15)) + $"{Environment.NewLine}Statuses: {Describe(statuses)}");
        Assert.True(statuses.Keys.Any(status => status is >= 400 and < 500), $"The fuzzing should provoke client errors: {Describe(statuses)}");
    }

    private static FuzzRequest Mutate(OpenApiOperation operation, Random random)
    {
        var badPath = operation.HasPathIds && random.Next(4) == 0;
        var path = operation.PathWith(_ => badPath ? BadPathValues[random.Next(BadPathValues.Length)] : Guid.CreateVersion7().ToString());
        var query = string.Join('&', operation.QueryParameters.Select(name => $"{name}={Uri.EscapeDataString(QueryValue(random))}"));
        if (random.Next(5) == 0)
        {
            query += (query.Length > 0 ? "&" : "") + "unknown=" + Uri.EscapeDataString(QueryValue(random));
        }

        var target = query.Length > 0 ? $"{path}?{query}" : path;
        if (operation.RequestSchema is null)
        {
            return new FuzzRequest(operation.Method, target, null, null);
        }

        var contentType = random.Next(10) switch
        {
            0 => "text/plain",
            1 => null,
            2 => "application/xml",
            _ => "application/json",
        };
        if (random.Next(3) == 0)
        {
            return new FuzzRequest(operation.Method, target, BadRawBodies[random.Next(BadRawBodies.Length)], contentType);
        }

        var body = SampleBodies.Valid(operation)!;
        var properties = operation.BodyProperties().Keys.ToList();
        for (var mutations = 1 + random.Next(3); mutations > 0 && properties.Count > 0; mutations--)
        {
            var property = random.Next(6) == 0 ? "unexpected" : properties[random.Next(properties.Count)];
            var value = BadValues[random.Next(BadValues.Length)];
            body[property] = value?.DeepClone();
        }

        if (random.Next(8) == 0)
        {
            body.Remove(properties.Count > 0 ? properties[random.Next(properties.Count)] : "x");
        }

        return new FuzzRequest(operation.Method, target, body.ToJsonString(), contentType);
    }

    private static string QueryValue(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => new string('q', 5000),
        2 => "2026-13",
        3 => "%%%",
        4 => "\u0000",
        5 => "central",
        6 => "-1",
        _ => "2026-11",
    };

    private static bool IsProblem(HttpResponseMessage response, string body, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("type", out _)
            && problem.RootElement.TryGetProperty("status", out var reported) && reported.GetInt32() == status;
    }

    private static string Describe(ConcurrentDictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}"));

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record FuzzRequest(string Method, string Target, string? Body, string? ContentType)
    {
        public HttpRequestMessage ToRequest(Uri gateway, string apiKey)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(gateway, Target));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8);
                request.Content.Headers.ContentType = ContentType is null ? null : new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
            }

            return request;
        }

        public override string ToString() => $"{Method} {(Target.Length > 120 ? Target[..120] + "…" : Target)} [{ContentType}] {(Body is null ? "" : Truncate(Body))}";
    }
}
