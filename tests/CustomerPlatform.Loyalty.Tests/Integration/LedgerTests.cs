using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LedgerTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private static string LedgerPath(Guid customerId) => $"/api/v1/loyalty/accounts/{customerId}/ledger";

    [Fact]
    public async Task ListLedger_ThreePagesOfTwo_NewestFirstWithEveryField()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        foreach (var amount in new[] { 10m, 20m, 30m, 40m, 50m })
        {
            await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, amount));
        }

        using var client = fixture.Service.CreateTenantClient(tenantId);

        var first = await GetPageAsync(client, $"{LedgerPath(customerId)}?limit=2");
        var second = await GetPageAsync(client, $"{LedgerPath(customerId)}?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var third = await GetPageAsync(client, $"{LedgerPath(customerId)}?limit=2&cursor={second.GetProperty("nextCursor").GetString()}");

        long[] Points(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("points").GetInt64())];
        Assert.Equal([50L, 40L], Points(first));
        Assert.Equal([30L, 20L], Points(second));
        Assert.Equal([10L], Points(third));
        Assert.False(third.TryGetProperty("nextCursor", out _), "the last page has no nextCursor");
        var newest = first.GetProperty("items")[0];
        Assert.Equal("earn", newest.GetProperty("type").GetString());
        Assert.Equal("purchase", newest.GetProperty("source").GetString());
        Assert.Equal(150, newest.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(0, newest.GetProperty("shortfall").GetInt64());
        Assert.Equal(0, newest.GetProperty("ruleVersion").GetInt32());
        Assert.Equal("central", newest.GetProperty("branch").GetString());
        Assert.True(newest.TryGetProperty("availableAt", out _));
        Assert.True(newest.TryGetProperty("recordedAt", out _));
        Assert.True(newest.TryGetProperty("accountId", out _));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task ListLedger_FilteredByTypeSourceAndTime_ReturnsOnlyMatches()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 25m));
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var adjusted = await client.PostAsJsonAsync($"/api/v1/loyalty/accounts/{customerId}/adjustments", new { points = -5, reason = "correction" });
        Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));

        var adjustments = await GetPageAsync(client, $"{LedgerPath(customerId)}?type=adjust");
        var purchases = await GetPageAsync(client, $"{LedgerPath(customerId)}?source=purchase");
        var none = await GetPageAsync(client, $"{LedgerPath(customerId)}?from={future}");
        var all = await GetPageAsync(client, $"{LedgerPath(customerId)}?to={future}");

        var adjustment = Assert.Single(adjustments.GetProperty("items").EnumerateArray());
        Assert.Equal(-5, adjustment.GetProperty("points").GetInt64());
        Assert.Equal("correction", adjustment.GetProperty("reason").GetString());
        Assert.Equal(25, Assert.Single(purchases.GetProperty("items").EnumerateArray()).GetProperty("points").GetInt64());
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task ListLedger_BadQuery_Returns400NamingEachParameter()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.GetAsync($"{LedgerPath(customerId)}?limit=0&cursor=nope&type=gift&source=lottery&from=yesterday");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[] { "limit", "cursor", "type", "source", "from" })
        {
            ProblemResponse.ErrorsFor(problem, field);
        }
    }

    [Fact]
    public async Task ListLedger_AnotherTenantsCustomerOrEntry_Returns404()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 5m));
        var entryId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT e.id FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.customer_id = @id", ("id", customerId));
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var ownEntry = await owner.GetAsync($"{LedgerPath(customerId)}/{entryId}");
        using var foreignList = await other.GetAsync(LedgerPath(customerId));
        using var foreignEntry = await other.GetAsync($"{LedgerPath(customerId)}/{entryId}");
        using var wrongCustomer = await owner.GetAsync($"{LedgerPath(Guid.NewGuid())}/{entryId}");

        Assert.Equal(HttpStatusCode.OK, ownEntry.StatusCode);
        await ProblemResponse.ReadAsync(foreignList, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignEntry, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(wrongCustomer, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetAccount_WithAvailablePoints_ShowsNonePendingAndAllSpendable()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 33m));

        var account = await fixture.FindAccountAsync(tenantId, customerId);

        Assert.Equal(33, account?.Balance);
        Assert.Equal(0, account?.PendingPoints);
        Assert.Equal(33, account?.SpendablePoints);
    }

    private static async Task<JsonElement> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
