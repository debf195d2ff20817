using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// A business's own loyalty program through the real gateway: a referral, a purchase that lifts the customer into a
/// tier, points that carry the program's expiry, and the tier change on the customer's timeline in Customers.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class LoyaltyProgramFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task ReferredCustomersFirstPurchase_ThroughGateway_LiftsThemIntoATierWithExpiringPointsAndPaysTheReferrer()
    {
        // A business of its own: its program would change what the other tests' purchases earn.
        var business = await platform.CreateBusinessAsync("Loyalty program flow");
        await SetProgramAsync(business, new
        {
            currencyName = "stars",
            earn = new { pointsPerUnit = 1, bonuses = new { referral = 50 } },
            tiers = new[]
            {
                new { code = "silver", name = "Silver", basis = "points", threshold = 100m, windowMonths = 12, benefits = "Free coffee", earnMultiplier = 1m, downgradeGraceDays = 30 },
            },
            expiry = new { months = 12, noticeDays = 30 },
        });
        var referrerId = await RegisterAsync(business, new { displayName = "Ada Referrer" });
        var customerId = await RegisterAsync(business, new { displayName = "Bea Referred", referredByCustomerId = referrerId });
        await Eventually.AssertAsync(
            async () => await AccountAsync(business, customerId) is not null,
            "the referred customer's loyalty account should open");

        var purchasedAt = DateTimeOffset.UtcNow;
        using var purchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", business,
            new { branch = "central", amount = 150m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);

        var account = await Eventually.GetAsync(
            async () => await AccountAsync(business, customerId) is { } found && found.GetProperty("balance").GetInt64() == 150 ? (JsonElement?)found : null,
            "the purchase should earn 150 stars");
        Assert.Equal("silver", account!.Value.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, ValueKindOf(account.Value, "nextTier"));
        var nextExpiry = account.Value.GetProperty("nextExpiry");
        Assert.Equal(150, nextExpiry.GetProperty("points").GetInt64());
        var expiresAt = nextExpiry.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(expiresAt, purchasedAt.AddMonths(12).AddMinutes(-5), purchasedAt.AddMonths(12).AddMinutes(5));
        await Eventually.AssertAsync(
            async () => await AccountAsync(business, referrerId) is { } referrer && referrer.GetProperty("balance").GetInt64() == 50,
            "the referrer should be paid the referral bonus once");

        var tierChanged = await Eventually.GetAsync(async () =>
        {
            using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{customerId}/timeline", business);
            var items = (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
            return items.FirstOrDefault(item => item.GetProperty("type").GetString() == "tierChanged") is { ValueKind: JsonValueKind.Object } found
                ? (JsonElement?)found
                : null;
        }, "TierChanged should reach the customer's timeline");
        Assert.Equal("silver", tierChanged!.Value.GetProperty("details").GetProperty("toTier").GetString());
        Assert.Equal("up", tierChanged.Value.GetProperty("details").GetProperty("direction").GetString());
    }

    private async Task SetProgramAsync(Business business, object program)
    {
        using var current = await platform.SendAsync(HttpMethod.Get, "/api/v1/loyalty/program", business);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        using var change = platform.Request(HttpMethod.Put, "/api/v1/loyalty/program", business, program);
        change.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        using var changed = await platform.Http.SendAsync(change);
        Assert.True(changed.IsSuccessStatusCode, $"{changed.StatusCode}: {await changed.Content.ReadAsStringAsync()}");
    }

    private async Task<Guid> RegisterAsync(Business business, object customer)
    {
        using var registered = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", business, customer);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"{registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        return (await ReadJsonAsync(registered)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement?> AccountAsync(Business business, Guid customerId)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}", business);
        return response.StatusCode == HttpStatusCode.OK ? await ReadJsonAsync(response) : null;
    }

    private static JsonValueKind ValueKindOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind : JsonValueKind.Null;

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
