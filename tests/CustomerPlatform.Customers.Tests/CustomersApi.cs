using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Calls the tests repeat: registering a customer to have one, reading JSON bodies.</summary>
internal static class CustomersApi
{
    public const string CustomersPath = "/api/v1/customers";

    public static async Task<Guid> RegisterAsync(HttpClient client, string displayName = "Ann Smith")
    {
        using var response = await client.PostAsJsonAsync(CustomersPath, new { displayName });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering failed with {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
