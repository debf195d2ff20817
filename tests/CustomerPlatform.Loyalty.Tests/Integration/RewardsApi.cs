using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>The rewards and redemptions routes, and request bodies the tests share.</summary>
internal static class RewardsApi
{
    public const string RewardsPath = "/api/v1/loyalty/rewards";
    public const string RedemptionsPath = "/api/v1/loyalty/redemptions";

    public static string RedeemPath(Guid customerId) => $"/api/v1/loyalty/accounts/{customerId}/redemptions";

    public static object Reward(long cost = 100, int? stock = null, int? perCustomerLimit = null, string[]? branches = null, string name = "Free coffee") =>
        new { name, description = "A regular coffee.", costPoints = cost, stock, perCustomerLimit, branches };

    /// <summary>Creates a reward and returns it as the API answered.</summary>
    public static async Task<JsonElement> CreateRewardAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(RewardsPath, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Redeems and returns the redemption, failing unless the answer is 201.</summary>
    public static async Task<JsonElement> RedeemAsync(HttpClient client, Guid customerId, object body)
    {
        using var response = await client.PostAsJsonAsync(RedeemPath(customerId), body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static HttpClient BranchClient(LoyaltyServiceFixture fixture, Guid tenantId, string branch)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, InternalTokens.AllScopes, branch));
        return client;
    }

    /// <summary>Whether a property is null on the wire; null members are left out of the JSON.</summary>
    public static bool IsNull(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;
}
