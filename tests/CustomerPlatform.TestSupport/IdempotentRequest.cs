using System.Net.Http.Json;

namespace CustomerPlatform.TestSupport;

/// <summary>Creating POSTs under an <c>Idempotency-Key</c>, as a client retrying safely would send them.</summary>
public static class IdempotentRequest
{
    // Spelled out rather than taken from ServiceDefaults, so renaming the header there breaks these tests.
    public const string KeyHeader = "Idempotency-Key";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add(KeyHeader, key);
        return await client.SendAsync(request);
    }
}
