using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RedemptionsApiTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string PointsRedeemedExchange = "loyalty.points-redeemed.v1";
    private const string RewardRedeemedExchange = "loyalty.reward-redeemed.v1";
    private const string PointsReversedExchange = "loyalty.points-reversed.v1";

    [Fact]
    public async Task RedeemReward_CoveredByBalance_Returns201WithCodeTakesStockAndPublishesBothEvents()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 500);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var reward = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(cost: 120, stock: 10));
        var rewardId = reward.GetProperty("id").GetGuid();
        await using var pointsProbe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsRedeemedExchange);
        await using var rewardProbe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, RewardRedeemedExchange);

        using var response = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId, quantity = 2, branch = "central" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var redemption = await response.Content.ReadFromJsonAsync<JsonElement>();
        var redemptionId = redemption.GetProperty("id").GetGuid();
        Assert.Equal($"{RewardsApi.RedemptionsPath}/{redemptionId}", response.Headers.Location?.ToString());
        var code = redemption.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$", code);
        Assert.Equal(240, redemption.GetProperty("points").GetInt64());
        Assert.Equal(260, redemption.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(2, redemption.GetProperty("quantity").GetInt32());
        Assert.Equal("completed", redemption.GetProperty("status").GetString());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 260);
        var stock = (await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}/{rewardId}")).GetProperty("stock").GetInt32();
        Assert.Equal(8, stock);
        var pointsRedeemed = await pointsProbe.WaitForAsync(e => e.GetGuid("redemptionId") == redemptionId, "PointsRedeemed should be published");
        Assert.Equal(tenantId, pointsRedeemed.GetGuid("tenantId"));
        Assert.Equal(customerId, pointsRedeemed.GetGuid("customerId"));
        Assert.Equal(code, pointsRedeemed.GetString("code"));
        Assert.Equal(rewardId, pointsRedeemed.GetGuid("rewardId"));
        Assert.Equal(240, pointsRedeemed.Message.GetProperty("points").GetInt64());
        Assert.Equal(260, pointsRedeemed.Message.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(1, pointsRedeemed.Message.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(pointsRedeemed.GetGuid("entryId"), pointsRedeemed.GetGuid("eventId"));
        var rewardRedeemed = await rewardProbe.WaitForAsync(e => e.GetGuid("redemptionId") == redemptionId, "RewardRedeemed should be published");
        Assert.Equal("Free coffee", rewardRedeemed.GetString("rewardName"));
        Assert.Equal(2, rewardRedeemed.Message.GetProperty("quantity").GetInt32());
        Assert.Equal(120, rewardRedeemed.Message.GetProperty("costPoints").GetInt64());
        Assert.Equal("central", rewardRedeemed.GetString("branch"));
    }

    [Fact]
    public async Task RedeemPoints_PartOfBalanceAsDiscount_Returns201AndPublishesPointsRedeemedWithoutReward()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 100);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsRedeemedExchange);

        var redemption = await RewardsApi.RedeemAsync(client, customerId, new { points = 37, branch = "central" });

        var redemptionId = redemption.GetProperty("id").GetGuid();
        Assert.True(RewardsApi.IsNull(redemption, "rewardId"));
        Assert.Equal(63, redemption.GetProperty("balanceAfter").GetInt64());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 63);
        var published = await probe.WaitForAsync(e => e.GetGuid("redemptionId") == redemptionId, "PointsRedeemed should be published");
        Assert.True(RewardsApi.IsNull(published.Message, "rewardId"));
        Assert.Equal(37, published.Message.GetProperty("points").GetInt64());
    }

    [Fact]
    public async Task RedeemPoints_MoreThanBalance_Returns422InsufficientPointsAndChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 50);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 51, branch = "central" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-points");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 50);
    }

    [Fact]
    public async Task RedeemPoints_PendingPoints_AreNotSpendable()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 80);
        await fixture.Database.ScalarAsync<long>(
            "UPDATE ledger_entries SET available_at = now() + interval '1 day' WHERE tenant_id = @tenant RETURNING 1", ("tenant", tenantId));
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 1, branch = "central" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-points");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 80);
    }

    [Fact]
    public async Task RedeemReward_NotAtThisBranchOutOfStockOrOverLimit_ReturnsItsProblem()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 1000);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var northOnly = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(branches: ["north"]))).GetProperty("id").GetGuid();
        var lastOne = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(stock: 1))).GetProperty("id").GetGuid();
        var oncePerCustomer = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(perCustomerLimit: 1))).GetProperty("id").GetGuid();
        await RewardsApi.RedeemAsync(client, customerId, new { rewardId = oncePerCustomer, branch = "central" });

        using var otherBranch = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId = northOnly, branch = "central" });
        using var outOfStock = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId = lastOne, quantity = 2, branch = "central" });
        using var overLimit = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId = oncePerCustomer, branch = "central" });

        await ProblemResponse.ReadAsync(otherBranch, HttpStatusCode.UnprocessableEntity, "reward-not-available");
        await ProblemResponse.ReadAsync(outOfStock, HttpStatusCode.Conflict, "reward-out-of-stock");
        await ProblemResponse.ReadAsync(overLimit, HttpStatusCode.Conflict, "reward-limit-reached");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 900);
    }

    [Fact]
    public async Task RedeemReward_Archived_Returns422NotAvailable()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 500);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var rewardId = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward())).GetProperty("id").GetGuid();
        (await client.PostAsync($"{RewardsApi.RewardsPath}/{rewardId}/archive", null)).Dispose();

        using var response = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId, branch = "central" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "reward-not-available");
    }

    [Fact]
    public async Task Redeem_RewardAndPointsTogetherOrNeither_Returns400NamingTheField()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var both = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId = Guid.NewGuid(), points = 5, branch = "central" });
        using var neither = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { branch = "central" });
        using var quantityWithPoints = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 5, quantity = 2, branch = "central" });
        using var noBranch = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 5 });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(both, HttpStatusCode.BadRequest, "validation"), "rewardId");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(neither, HttpStatusCode.BadRequest, "validation"), "points");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(quantityWithPoints, HttpStatusCode.BadRequest, "validation"), "quantity");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(noBranch, HttpStatusCode.BadRequest, "validation"), "branch");
    }

    [Fact]
    public async Task Redeem_AnotherTenantsCustomerOrReward_Returns404()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 500);
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var otherTenantId = Guid.NewGuid();
        using var stranger = fixture.Service.CreateTenantClient(otherTenantId);
        var strangersReward = (await RewardsApi.CreateRewardAsync(stranger, RewardsApi.Reward())).GetProperty("id").GetGuid();

        using var otherCustomer = await stranger.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 5, branch = "central" });
        using var otherReward = await owner.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { rewardId = strangersReward, branch = "central" });

        await ProblemResponse.ReadAsync(otherCustomer, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(otherReward, HttpStatusCode.NotFound, "not-found");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 500);
    }

    [Fact]
    public async Task Redeem_BranchKeyForAnotherBranch_Returns403()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 100);
        using var northKey = RewardsApi.BranchClient(fixture, tenantId, "north");

        using var response = await northKey.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 5, branch = "central" });
        using var own = await northKey.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 5, branch = "north" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 95);
    }

    [Fact]
    public async Task Redeem_SameIdempotencyKeyTwice_SpendsOnceAndReplaysTheRedemption()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 100);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var body = new { points = 30, branch = "central" };

        using var first = await IdempotentRequest.PostAsync(client, RewardsApi.RedeemPath(customerId), key, body);
        using var replay = await IdempotentRequest.PostAsync(client, RewardsApi.RedeemPath(customerId), key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        var original = await first.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(original.GetProperty("code").GetString(), replayed.GetProperty("code").GetString());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 70);
    }

    [Fact]
    public async Task FindRedemption_ByCodeAsTypedAndById_ReturnsItOnlyToItsBusiness()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 100);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var redemption = await RewardsApi.RedeemAsync(client, customerId, new { points = 10, branch = "central" });
        var id = redemption.GetProperty("id").GetGuid();
        var typed = redemption.GetProperty("code").GetString()!.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var byCode = await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RedemptionsPath}?code={typed}");
        var strangersLookup = await stranger.GetFromJsonAsync<JsonElement>($"{RewardsApi.RedemptionsPath}?code={typed}");
        using var byId = await client.GetAsync($"{RewardsApi.RedemptionsPath}/{id}");
        using var strangersGet = await stranger.GetAsync($"{RewardsApi.RedemptionsPath}/{id}");
        using var badCode = await client.GetAsync($"{RewardsApi.RedemptionsPath}?code=OOOO");

        Assert.Equal(id, Assert.Single(byCode.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(strangersLookup.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        await ProblemResponse.ReadAsync(strangersGet, HttpStatusCode.NotFound, "not-found");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(badCode, HttpStatusCode.BadRequest, "validation"), "code");
    }

    [Fact]
    public async Task VoidRedemption_GivesPointsBackRestocksPublishesPointsReversed_SecondVoidIs409()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 300);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var rewardId = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(cost: 100, stock: 3))).GetProperty("id").GetGuid();
        var redemption = await RewardsApi.RedeemAsync(client, customerId, new { rewardId, quantity = 2, branch = "central" });
        var redemptionId = redemption.GetProperty("id").GetGuid();
        var voidPath = $"{RewardsApi.RedemptionsPath}/{redemptionId}/void";
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 100);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsReversedExchange);

        using var first = await client.PostAsJsonAsync(voidPath, new { reason = "Rang up by mistake" });
        using var second = await client.PostAsJsonAsync(voidPath, new { reason = "Again" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var voided = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("voided", voided.GetProperty("status").GetString());
        Assert.Equal("Rang up by mistake", voided.GetProperty("voidReason").GetString());
        await ProblemResponse.ReadAsync(second, HttpStatusCode.Conflict, "redemption-already-voided");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 300);
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}/{rewardId}")).GetProperty("stock").GetInt32());
        var reversed = await probe.WaitForAsync(e => e.GetGuid("sourceId") == redemptionId, "PointsReversed should be published");
        Assert.Equal("redemptionVoid", reversed.GetString("source"));
        Assert.Equal(200, reversed.Message.GetProperty("points").GetInt64());
        Assert.Equal(300, reversed.Message.GetProperty("balanceAfter").GetInt64());
    }

    [Fact]
    public async Task VoidRedemption_UnknownOtherTenantsOrOtherBranchKey_Returns404Or403()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 100);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var northKey = RewardsApi.BranchClient(fixture, tenantId, "north");
        var redemptionId = (await RewardsApi.RedeemAsync(client, customerId, new { points = 10, branch = "central" })).GetProperty("id").GetGuid();
        var body = new { reason = "Wrong customer" };

        using var unknown = await client.PostAsJsonAsync($"{RewardsApi.RedemptionsPath}/{Guid.NewGuid()}/void", body);
        using var strangers = await stranger.PostAsJsonAsync($"{RewardsApi.RedemptionsPath}/{redemptionId}/void", body);
        using var otherBranch = await northKey.PostAsJsonAsync($"{RewardsApi.RedemptionsPath}/{redemptionId}/void", body);
        using var noReason = await client.PostAsJsonAsync($"{RewardsApi.RedemptionsPath}/{redemptionId}/void", new { reason = " " });

        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(strangers, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(otherBranch, HttpStatusCode.Forbidden, "forbidden");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(noReason, HttpStatusCode.BadRequest, "validation"), "reason");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 90);
    }

    [Fact]
    public async Task RedeemPoints_HundredInParallelAgainstBalanceForForty_ExactlyFortySucceed()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.FundAccountAsync(tenantId, customerId, 40);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { points = 1, branch = "central" })));

        try
        {
            var outcomes = string.Join("; ", await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created && r.StatusCode != HttpStatusCode.UnprocessableEntity).Take(3).Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
            Assert.True(40 == responses.Count(response => response.StatusCode == HttpStatusCode.Created), outcomes);
            foreach (var refused in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            {
                await ProblemResponse.ReadAsync(refused, HttpStatusCode.UnprocessableEntity, "insufficient-points");
            }

            await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 0);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task RedeemReward_StockOfFiveTwentyCustomersInParallel_ExactlyFiveSucceed()
    {
        var tenantId = Guid.NewGuid();
        var customers = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var customer in customers)
        {
            await fixture.FundAccountAsync(tenantId, customer, 100);
        }

        using var client = fixture.Service.CreateTenantClient(tenantId);
        var rewardId = (await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(cost: 50, stock: 5))).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(customers.Select(customer =>
            client.PostAsJsonAsync(RewardsApi.RedeemPath(customer), new { rewardId, branch = "central" })));

        try
        {
            Assert.Equal(5, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
            foreach (var refused in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            {
                await ProblemResponse.ReadAsync(refused, HttpStatusCode.Conflict, "reward-out-of-stock");
            }

            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}/{rewardId}")).GetProperty("stock").GetInt32());
            foreach (var customer in customers)
            {
                await fixture.AssertBalanceIsLedgerSumAsync(customer);
            }

            Assert.Equal(5 * 50, await fixture.Database.ScalarAsync<long>(
                "SELECT -sum(points) FROM ledger_entries WHERE tenant_id = @tenant AND type = 'Redeem'", ("tenant", tenantId)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
