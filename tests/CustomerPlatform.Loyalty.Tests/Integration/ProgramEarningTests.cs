using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ProgramEarningTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string PointsEarnedExchange = "loyalty.points-earned.v1";

    [Fact]
    public async Task PurchaseRecorded_WithCategoryAndBranchMultipliers_EarnsHighestPerLineAndRecordsVersion()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new
        {
            earn = new
            {
                pointsPerUnit = 1,
                multipliers = new object[]
                {
                    new { category = "coffee", factor = 2 },
                    new { branch = "central", factor = 1.5 },
                    new { category = "coffee", branch = "central", factor = 3, from = DateTimeOffset.UtcNow.AddDays(1) },
                },
            },
        });
        var purchase = Purchase(tenantId, customerId, 14.50m) with
        {
            Lines =
            [
                new PurchaseRecordedLine { Sku = "latte", Category = "coffee", Quantity = 2, UnitPrice = 5m },
                new PurchaseRecordedLine { Sku = "croissant", Category = "bakery", Quantity = 1, UnitPrice = 4.5m },
            ],
        };
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsEarnedExchange);

        await PublishAndWaitAsync(purchase);

        // Coffee 10.00 at x2 (the x3 window has not opened), bakery 4.50 at the branch's x1.5: 26.75, rounded down.
        Assert.Equal(26, await PointsAsync(purchase.PurchaseId, "Purchase"));
        Assert.Equal(1, await RuleVersionAsync(purchase.PurchaseId, "Purchase"));
        var earned = await probe.WaitForAsync(e => e.GetGuid("sourceId") == purchase.PurchaseId, "PointsEarned for the purchase");
        Assert.Equal(1, earned.Message.GetProperty("ruleVersion").GetInt32());
        Assert.Equal(26, earned.Message.GetProperty("points").GetInt64());
        Assert.Equal("purchase", earned.GetString("source"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRecorded_WithoutLines_UsesTheBranchMultiplierOnly()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new
        {
            earn = new { multipliers = new object[] { new { category = "coffee", factor = 5 }, new { branch = "CENTRAL", factor = 2 } } },
        });
        var purchase = Purchase(tenantId, customerId, 10.40m);

        await PublishAndWaitAsync(purchase);

        Assert.Equal(20, await PointsAsync(purchase.PurchaseId, "Purchase"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Theory]
    [InlineData("down", 15)]
    [InlineData("nearest", 16)]
    [InlineData("up", 16)]
    public async Task PurchaseRecorded_EachRoundingMode_RoundsThePurchaseTotalOnce(string rounding, long expected)
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new { earn = new { pointsPerUnit = 1.5, rounding } });
        var purchase = Purchase(tenantId, customerId, 10.50m);

        await PublishAndWaitAsync(purchase);

        Assert.Equal(expected, await PointsAsync(purchase.PurchaseId, "Purchase"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRecorded_ArrivingLate_EarnsByTheVersionInForceWhenItHappened()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        var before = Purchase(tenantId, customerId, 20.90m) with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-1) };
        await ProgramApi.SetAsync(client, new { earn = new { pointsPerUnit = 2 } });
        var after = Purchase(tenantId, customerId, 20.90m) with { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) };

        await PublishAndWaitAsync(after);
        await PublishAndWaitAsync(before);

        Assert.Equal(20, await PointsAsync(before.PurchaseId, "Purchase"));
        Assert.Equal(0, await RuleVersionAsync(before.PurchaseId, "Purchase"));
        Assert.Equal(41, await PointsAsync(after.PurchaseId, "Purchase"));
        Assert.Equal(1, await RuleVersionAsync(after.PurchaseId, "Purchase"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task FirstPurchaseBonus_IsPaidOncePerAccountAsASeparateEntry()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new { earn = new { bonuses = new { firstPurchase = 100 } } });
        var first = Purchase(tenantId, customerId, 10m);
        var second = Purchase(tenantId, customerId, 5m);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsEarnedExchange);

        await PublishAndWaitAsync(first);
        await PublishAndWaitAsync(first);
        await PublishAndWaitAsync(second);

        Assert.Equal(10, await PointsAsync(first.PurchaseId, "Purchase"));
        Assert.Equal(100, await PointsAsync(first.PurchaseId, "FirstPurchase"));
        Assert.Equal(0, await PointsAsync(second.PurchaseId, "FirstPurchase"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant AND source = 'FirstPurchase'", ("tenant", tenantId)));
        var bonus = await probe.WaitForAsync(
            e => e.GetGuid("sourceId") == first.PurchaseId && e.GetString("source") == "firstPurchase", "PointsEarned for the bonus");
        Assert.Equal(100, bonus.Message.GetProperty("points").GetInt64());
        Assert.Equal(115, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task FeedbackReceived_Redelivered_PaysTheBonusOncePerFeedback()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new { earn = new { bonuses = new { feedbackResponse = 25 } } });
        var feedback = Feedback(tenantId, customerId);
        var messageId = Guid.NewGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsEarnedExchange);

        await fixture.PublishAsync(feedback, messageId);
        await fixture.PublishAsync(feedback, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);
        await PublishAndWaitAsync(feedback);

        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE source_id = @id AND source = 'FeedbackResponse'", ("id", feedback.FeedbackId)));
        Assert.Equal(25, await PointsAsync(feedback.FeedbackId, "FeedbackResponse"));
        Assert.Equal(1, await RuleVersionAsync(feedback.FeedbackId, "FeedbackResponse"));
        var earned = await probe.WaitForAsync(e => e.GetGuid("sourceId") == feedback.FeedbackId, "PointsEarned for the feedback");
        Assert.Equal("feedbackResponse", earned.GetString("source"));
        Assert.Equal(customerId, earned.GetGuid("customerId"));
        Assert.Equal(25, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task FeedbackReceived_FromStaffOrWithoutCustomer_EarnsNothing()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new { earn = new { bonuses = new { feedbackResponse = 25 } } });
        var fromStaff = Feedback(tenantId, customerId) with { From = "staff" };
        var anonymous = Feedback(tenantId, customerId) with { CustomerId = null };

        await PublishAndWaitAsync(fromStaff);
        await PublishAndWaitAsync(anonymous);

        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
    }

    [Fact]
    public async Task PurchaseRecorded_WithPendingDays_ShowsPointsPendingOnTheAccount()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, new { earn = new { pendingDays = 14 } });
        var purchase = Purchase(tenantId, customerId, 30m) with { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) };

        await PublishAndWaitAsync(purchase);

        var account = await client.GetFromJsonAsync<JsonElement>(LoyaltyServiceFixture.AccountPath(customerId));
        Assert.Equal(30, account.GetProperty("balance").GetInt64());
        Assert.Equal(30, account.GetProperty("pendingPoints").GetInt64());
        var availableAt = await fixture.Database.ScalarAsync<DateTime>(
            "SELECT available_at FROM ledger_entries WHERE source_id = @id", ("id", purchase.PurchaseId));
        Assert.Equal(purchase.OccurredAt.AddDays(14).UtcDateTime, availableAt, TimeSpan.FromMilliseconds(1));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRecorded_ItemisedUnderTheDefaultProgram_EarnsExactlyTheWholeUnits()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        var purchase = Purchase(tenantId, customerId, 10.99m) with
        {
            Lines = [new PurchaseRecordedLine { Sku = "tea", Category = "drinks", Quantity = 3, UnitPrice = 3.6633m }],
        };

        await PublishAndWaitAsync(purchase);

        Assert.Equal(10, await PointsAsync(purchase.PurchaseId, "Purchase"));
        Assert.Equal(0, await RuleVersionAsync(purchase.PurchaseId, "Purchase"));
        var account = await client.GetFromJsonAsync<JsonElement>(LoyaltyServiceFixture.AccountPath(customerId));
        Assert.Equal(0, account.GetProperty("pendingPoints").GetInt64());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    private async Task<(Guid TenantId, Guid CustomerId, HttpClient Client)> NewCustomerAsync()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        return (tenantId, customerId, fixture.Service.CreateTenantClient(tenantId));
    }

    private async Task PublishAndWaitAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(message, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static PurchaseRecorded Purchase(Guid tenantId, Guid customerId, decimal amount) =>
        LoyaltyEvents.Purchase(tenantId, customerId, amount);

    private static FeedbackReceived Feedback(Guid tenantId, Guid customerId) => new()
    {
        TenantId = tenantId,
        FeedbackId = Guid.NewGuid(),
        CustomerId = customerId,
        Branch = "central",
        Rating = 9,
        From = "customer",
        OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1),
    };

    private Task<long> PointsAsync(Guid sourceId, string source) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT coalesce(sum(points), 0)::bigint FROM ledger_entries WHERE source_id = @id AND source = @source", ("id", sourceId), ("source", source));

    private Task<int> RuleVersionAsync(Guid sourceId, string source) =>
        fixture.Database.ScalarAsync<int>(
            "SELECT rule_version FROM ledger_entries WHERE source_id = @id AND source = @source", ("id", sourceId), ("source", source));
}
