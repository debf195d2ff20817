using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Calls the duplicate, merge and verification tests repeat.</summary>
internal static class DataCurrencyApi
{
    public const string DuplicatesPath = $"{CustomersApi.CustomersPath}/duplicates";
    public const string DismissalsPath = $"{DuplicatesPath}/dismissals";
    public const string SettingsPath = $"{CustomersApi.CustomersPath}/settings";
    public const string UnverifiedPath = $"{CustomersApi.CustomersPath}/unverified";

    public static string MergePath(Guid survivorId) => $"{CustomersApi.CustomersPath}/{survivorId}/merge";

    public static string DuplicatesOf(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/duplicates";

    /// <summary>Registers a customer with the given details and returns its id.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient client, object details)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, details);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering failed with {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<EntityTagHeaderValue> ETagAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!;
    }

    public static async Task<HttpResponseMessage> MergeAsync(HttpClient client, Guid survivorId, Guid mergedId, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MergePath(survivorId)) { Content = JsonContent.Create(new { mergedId }) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Merges with the survivor's current ETag, failing the test unless it succeeded; returns the survivor.</summary>
    public static async Task<JsonElement> MergeOkAsync(HttpClient client, Guid survivorId, Guid mergedId)
    {
        var etag = await ETagAsync(client, $"{CustomersApi.CustomersPath}/{survivorId}");
        using var response = await MergeAsync(client, survivorId, mergedId, etag);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Merging failed with {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} failed with {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Whether the property is there and not null (responses leave nulls out).</summary>
    public static bool IsSet(JsonElement body, string property) =>
        body.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
