using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>Requests with an API key, and reading what the gateway answered or forwarded.</summary>
internal static class GatewayCalls
{
    public const string KeysPath = "/api/v1/keys";

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<EchoedRequest> AssertForwardedAsync(HttpResponseMessage response)
    {
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"the gateway should forward the request, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Creates a key with the given key and returns the 201 body (id, key, scopes, ...).</summary>
    public static async Task<JsonElement> CreateKeyAsync(this HttpClient client, string withKey, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, KeysPath, withKey, body);
        return await ReadJsonAsync(response, HttpStatusCode.Created);
    }
}
