using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>Earning, redeeming a reward and voiding it, through the real gateway over HTTP.</summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class RewardsFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task RewardRedeemedAndVoided_ThroughGateway_BalanceFollowsEachStep()
    {
        var business = platform.BusinessA;
        using var registered = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", business,
            new { displayName = "Grace Hopper", emails = new[] { $"grace.{Guid.NewGuid():N}@example.com" }, homeBranch = "central" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerId = (await ReadJsonAsync(registered)).GetProperty("id").GetGuid();
        await WaitForBalanceAsync(business, customerId, 0);
        using var purchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", business,
            new { branch = "central", amount = 250m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        await WaitForBalanceAsync(business, customerId, 250);
        using var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/loyalty/rewards", business,
            new { name = "Tote bag", costPoints = 200, stock = 3, branches = new[] { "central" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rewardId = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();

        using var redeemed = await platform.SendAsync(HttpMethod.Post, $"/api/v1/loyalty/accounts/{customerId}/redemptions", business,
            new { rewardId, branch = "central" });

        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        var redemption = await ReadJsonAsync(redeemed);
        Assert.Equal(50, redemption.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(50, await BalanceAsync(business, customerId));
        var code = redemption.GetProperty("code").GetString()!;
        using var lookup = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/redemptions?code={code}", business);
        var found = Assert.Single((await ReadJsonAsync(lookup)).GetProperty("items").EnumerateArray());
        Assert.Equal(redemption.GetProperty("id").GetGuid(), found.GetProperty("id").GetGuid());
        using var otherBusiness = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/redemptions/{found.GetProperty("id").GetGuid()}", platform.BusinessB);
        Assert.Equal(HttpStatusCode.NotFound, otherBusiness.StatusCode);

        using var voided = await platform.SendAsync(HttpMethod.Post, $"/api/v1/loyalty/redemptions/{found.GetProperty("id").GetGuid()}/void", business,
            new { reason = "Customer changed their mind" });

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal("voided", (await ReadJsonAsync(voided)).GetProperty("status").GetString());
        Assert.Equal(250, await BalanceAsync(business, customerId));
        using var reward = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/rewards/{rewardId}", business);
        Assert.Equal(3, (await ReadJsonAsync(reward)).GetProperty("stock").GetInt32());
    }

    private async Task<long?> BalanceAsync(Business business, Guid customerId)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}", business);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var account = await ReadJsonAsync(response);
        var balance = account.GetProperty("balance").GetInt64();
        Assert.Equal(balance, account.GetProperty("recentEntries").EnumerateArray().Sum(entry => entry.GetProperty("points").GetInt64()));
        return balance;
    }

    private async Task WaitForBalanceAsync(Business business, Guid customerId, long expected) =>
        await Eventually.AssertAsync(
            async () => await BalanceAsync(business, customerId) == expected,
            $"the account of customer {customerId} should reach {expected} points");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
