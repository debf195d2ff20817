using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LoyaltyPrivacyTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string CompletedExchange = "customers.customer-erasure-completed.v1";

    [Fact]
    public async Task PersonalData_CustomerWithPoints_ReturnsAccountAndWholeLedger()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await EarnAsync(tenantId, customerId, 12m);
        await EarnAsync(tenantId, customerId, 30m);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.GetAsync(PersonalDataPath(customerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(42, body.GetProperty("balance").GetInt64());
        Assert.Equal([30L, 12L], body.GetProperty("ledger").EnumerateArray().Select(entry => entry.GetProperty("points").GetInt64()));
    }

    [Fact]
    public async Task PersonalData_AnotherTenantsOrUnknownCustomer_Returns404()
    {
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(Guid.NewGuid(), customerId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var foreign = await other.GetAsync(PersonalDataPath(customerId));
        using var unknown = await other.GetAsync(PersonalDataPath(Guid.NewGuid()));

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task CustomerErasureRequested_KeepsBalanceAndLedgerAndReportsCompletedOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await EarnAsync(tenantId, customerId, 25m);
        var before = await fixture.FindAccountAsync(tenantId, customerId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, CompletedExchange);
        var erasure = new CustomerErasureRequested { TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = customerId, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(erasure, messageId);
        await fixture.PublishAsync(erasure, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        var after = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(25, after.Balance);
        Assert.Equal(before.Balance, after.Balance);
        Assert.Equal(before.LifetimePoints, after.LifetimePoints);
        Assert.Equal(before.RecentEntries.Count, after.RecentEntries.Count);
        var completed = await probe.WaitForAsync(e => e.GetGuid("erasureId") == erasure.ErasureId, "Loyalty should report its part done");
        Assert.Equal("loyalty", completed.GetString("service"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%customer-erasure-completed%'", ("tenant", tenantId)));
    }

    [Fact]
    public async Task PersonalData_WithRedemptions_ExportsThem_AndErasureBlanksTheVoidReasonsKeepingTheRest()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 300);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var rewardId = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(cost: 100))).GetProperty("id").GetGuid();
        var kept = await RewardsApi.RedeemAsync(client, customerId, new { rewardId, quantity = 1, branch = "central" });
        var voided = await RewardsApi.RedeemAsync(client, customerId, new { points = 50, branch = "north" });
        using var voiding = await client.PostAsJsonAsync($"{RewardsApi.RedemptionsPath}/{voided.GetProperty("id").GetGuid()}/void", new { reason = "Ada changed her mind" });
        Assert.Equal(HttpStatusCode.OK, voiding.StatusCode);

        var before = await ExportAsync(client, customerId);
        await fixture.DeliverAsync(new CustomerErasureRequested { TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = customerId, OccurredAt = DateTimeOffset.UtcNow });
        var after = await ExportAsync(client, customerId);

        var exported = before.GetProperty("redemptions").EnumerateArray().ToList();
        Assert.Equal([voided.GetProperty("id").GetGuid(), kept.GetProperty("id").GetGuid()], exported.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal("Ada changed her mind", exported[0].GetProperty("voidReason").GetString());
        Assert.Equal("voided", exported[0].GetProperty("status").GetString());
        Assert.Equal("north", exported[0].GetProperty("branch").GetString());
        Assert.Equal(50, exported[0].GetProperty("points").GetInt64());
        Assert.True(exported[0].TryGetProperty("voidedAt", out _));
        Assert.Equal("Free coffee", exported[1].GetProperty("rewardName").GetString());
        Assert.Equal(kept.GetProperty("code").GetString(), exported[1].GetProperty("code").GetString());
        Assert.Equal("completed", exported[1].GetProperty("status").GetString());
        Assert.Contains("Ada changed her mind", before.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ada changed her mind", after.ToString(), StringComparison.Ordinal);
        var erased = after.GetProperty("redemptions").EnumerateArray().ToList();
        Assert.Equal(2, erased.Count);
        Assert.True(RewardsApi.IsNull(erased[0], "voidReason"), erased[0].ToString());
        Assert.Equal("voided", erased[0].GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("balance").GetInt64(), after.GetProperty("balance").GetInt64());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 200);
    }

    private static async Task<JsonElement> ExportAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync(PersonalDataPath(customerId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task EarnAsync(Guid tenantId, Guid customerId, decimal amount)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(LoyaltyEvents.Purchase(tenantId, customerId, amount), messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static string PersonalDataPath(Guid customerId) => $"/api/v1/loyalty/personal-data/{customerId}";
}
