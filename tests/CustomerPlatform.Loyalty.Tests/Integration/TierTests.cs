using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class TierTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string TierChangedExchange = "loyalty.tier-changed.v1";

    [Fact]
    public async Task Purchases_LiftingTheValueOverThresholds_UpgradeAtOnce_AndPublishTierChangedOncePerChange()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, TierChangedExchange);
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, Program(Tier("silver", 100, graceDays: 30), Tier("gold", 300, graceDays: 30)));

        await BuyAsync(tenantId, customerId, 60);
        var belowSilver = await AccountAsync(client, customerId);
        var last = LoyaltyEvents.Purchase(tenantId, customerId, 60);
        await fixture.DeliverAsync(last);
        var atSilver = await AccountAsync(client, customerId);
        var goldPurchase = LoyaltyEvents.Purchase(tenantId, customerId, 200);
        await fixture.DeliverAsync(goldPurchase);
        await fixture.DeliverAsync(goldPurchase);

        Assert.True(IsNull(belowSilver, "tier"), "tier should be null");
        Assert.Equal(60m, belowSilver.GetProperty("qualifyingValue").GetDecimal());
        Assert.Equal("silver", belowSilver.GetProperty("nextTier").GetProperty("code").GetString());
        Assert.Equal(40m, belowSilver.GetProperty("nextTier").GetProperty("remaining").GetDecimal());
        Assert.Equal("silver", atSilver.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("Silver", atSilver.GetProperty("tier").GetProperty("name").GetString());
        Assert.Equal("Silver perks", atSilver.GetProperty("tier").GetProperty("benefits").GetString());
        Assert.Equal(180m, atSilver.GetProperty("nextTier").GetProperty("remaining").GetDecimal());
        var up = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId && e.GetString("toTier") == "gold", "TierChanged to gold");
        Assert.Equal("silver", up.GetString("fromTier"));
        Assert.Equal("up", up.GetString("direction"));
        Assert.Equal("points", up.GetString("basis"));
        Assert.Equal(320m, NumberOf(up.Message, "qualifyingValue"));
        Assert.Equal(1, up.Message.GetProperty("ruleVersion").GetInt32());
        Assert.Equal(tenantId, up.GetGuid("tenantId"));
        var gold = await AccountAsync(client, customerId);
        Assert.Equal("gold", gold.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(320m, gold.GetProperty("qualifyingValue").GetDecimal());
        Assert.True(IsNull(gold, "nextTier"), "nextTier should be null");
        Assert.Equal("->silver,silver>gold", await ChangesAsync(customerId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 320);
    }

    [Fact]
    public async Task Refund_DroppingTheValueBelowTheTier_KeepsTheTierThroughTheGrace_ThenTheWorkerDowngrades()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, TierChangedExchange);
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, Program(Tier("silver", 100, graceDays: 0), Tier("gold", 300, graceDays: 30)));
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 400);
        await fixture.DeliverAsync(purchase);
        var fullyRefunded = LoyaltyEvents.Purchase(tenantId, customerId, 50);
        await fixture.DeliverAsync(fullyRefunded);
        var smallRefund = LoyaltyEvents.Refund(tenantId, customerId, fullyRefunded.PurchaseId, 50, 0);

        await fixture.DeliverAsync(smallRefund);
        var afterFirstRefund = await AccountAsync(client, customerId);
        // Refunded 30 days less a few seconds ago: the gold grace runs out moments from now, and only the worker can see it.
        var refund = LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 200, 200) with
        {
            OccurredAt = DateTimeOffset.UtcNow.AddDays(-30).AddSeconds(8),
        };
        await fixture.DeliverAsync(refund);
        var inGrace = await AccountAsync(client, customerId);

        Assert.Equal("gold", afterFirstRefund.GetProperty("tier").GetProperty("code").GetString());
        Assert.True(IsNull(afterFirstRefund.GetProperty("tier"), "downgradeDueAt"), "downgradeDueAt should be null");
        Assert.Equal("gold", inGrace.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(200m, inGrace.GetProperty("qualifyingValue").GetDecimal());
        var due = inGrace.GetProperty("tier").GetProperty("downgradeDueAt").GetDateTimeOffset();
        Assert.Equal(refund.OccurredAt.AddDays(30).UtcDateTime, due.UtcDateTime, TimeSpan.FromMilliseconds(1));
        var down = await probe.WaitForAsync(
            e => e.GetGuid("customerId") == customerId && e.GetString("direction") == "down", "the downgrade after the grace", TimeSpan.FromSeconds(30));
        Assert.Equal(("gold", "silver"), (down.GetString("fromTier")!, down.GetString("toTier")!));
        Assert.True(down.Message.GetProperty("occurredAt").GetDateTimeOffset() >= due, "The downgrade came before the grace ran out.");
        Assert.Equal(200m, NumberOf(down.Message, "qualifyingValue"));
        var after = await AccountAsync(client, customerId);
        Assert.Equal("silver", after.GetProperty("tier").GetProperty("code").GetString());
        Assert.True(IsNull(after.GetProperty("tier"), "downgradeDueAt"), "downgradeDueAt should be null");
        Assert.Equal("->gold,gold>silver", await ChangesAsync(customerId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task Refund_WithinTheGrace_ThenReQualifying_CancelsTheDowngrade()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, Program(Tier("silver", 100, graceDays: 30)));
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 120);
        await fixture.DeliverAsync(purchase);

        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 60, 60));
        var below = await AccountAsync(client, customerId);
        await BuyAsync(tenantId, customerId, 45);
        var requalified = await AccountAsync(client, customerId);

        Assert.Equal(60m, below.GetProperty("qualifyingValue").GetDecimal());
        Assert.Equal(JsonValueKind.String, below.GetProperty("tier").GetProperty("downgradeDueAt").ValueKind);
        Assert.Equal("silver", requalified.GetProperty("tier").GetProperty("code").GetString());
        Assert.True(IsNull(requalified.GetProperty("tier"), "downgradeDueAt"), "downgradeDueAt should be null");
        Assert.Equal("->silver", await ChangesAsync(customerId));
    }

    [Fact]
    public async Task WindowRollingPastThePurchases_TheWorkerDropsTheTier_WithoutAnyPosting()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, TierChangedExchange);
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, Program(Tier("silver", 100, graceDays: 0, windowMonths: 1)));
        var leavingSoon = LoyaltyEvents.Purchase(tenantId, customerId, 150) with { OccurredAt = DateTimeOffset.UtcNow.AddMonths(-1).AddSeconds(5) };

        await fixture.DeliverAsync(leavingSoon);
        var inWindow = await AccountAsync(client, customerId);

        Assert.Equal("silver", inWindow.GetProperty("tier").GetProperty("code").GetString());
        var down = await probe.WaitForAsync(
            e => e.GetGuid("customerId") == customerId && e.GetString("direction") == "down", "the roll-off downgrade", TimeSpan.FromSeconds(30));
        Assert.True(IsNull(down.Message, "toTier"), "toTier should be null");
        Assert.Equal(0m, NumberOf(down.Message, "qualifyingValue"));
        var after = await AccountAsync(client, customerId);
        Assert.True(IsNull(after, "tier"), "tier should be null");
        Assert.Equal(0m, after.GetProperty("qualifyingValue").GetDecimal());
        Assert.Equal(150, after.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task ProgramChange_AddingTiers_PlacesExistingCustomersThroughTheWorker()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, TierChangedExchange);
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await BuyAsync(tenantId, customerId, 250);
        var beforeTiers = await AccountAsync(client, customerId);

        var version = await ProgramApi.SetAsync(client, Program(Tier("silver", 100, graceDays: 0), Tier("gold", 200, graceDays: 0)));

        Assert.True(IsNull(beforeTiers, "tier"), "tier should be null");
        Assert.True(IsNull(beforeTiers, "qualifyingValue"), "qualifyingValue should be null");
        Assert.True(IsNull(beforeTiers, "nextTier"), "nextTier should be null");
        var up = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "the review after the program change");
        Assert.True(IsNull(up.Message, "fromTier"), "fromTier should be null");
        Assert.Equal(("gold", "up"), (up.GetString("toTier"), up.GetString("direction")));
        Assert.Equal(version, up.Message.GetProperty("ruleVersion").GetInt32());
    }

    [Fact]
    public async Task TierMultiplier_MultipliesPurchasesMadeInTheTier_WithTheCategoryMultiplier_AndTheProgramVersionRecorded()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        var version = await ProgramApi.SetAsync(client, new
        {
            earn = new { multipliers = new object[] { new { category = "coffee", factor = 1.5 } } },
            tiers = new object[] { Tier("silver", 100, graceDays: 0, earnMultiplier: 2) },
        });
        var first = LoyaltyEvents.Purchase(tenantId, customerId, 150);
        await fixture.DeliverAsync(first);
        var inTier = LoyaltyEvents.Purchase(tenantId, customerId, 20) with
        {
            Lines =
            [
                new PurchaseRecordedLine { Sku = "latte", Category = "coffee", Quantity = 2, UnitPrice = 5m },
                new PurchaseRecordedLine { Sku = "cake", Category = "bakery", Quantity = 1, UnitPrice = 10m },
            ],
        };

        await fixture.DeliverAsync(inTier);

        // Before the tier: 150 as paid. In it: coffee 10 x 1.5 x 2 = 30, bakery 10 x 2 = 20.
        Assert.Equal((150L, version), await EarnedAsync(first.PurchaseId));
        Assert.Equal((50L, version), await EarnedAsync(inTier.PurchaseId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 200);
    }

    [Fact]
    public async Task SpendTiers_CountTheAmountPaidLessRefunds()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await ProgramApi.SetAsync(client, Program(Tier("silver", 50, graceDays: 0, basis: "spend"), Tier("gold", 200, graceDays: 0, basis: "spend")));
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 80);
        await fixture.DeliverAsync(purchase);

        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 30, 50));
        var account = await AccountAsync(client, customerId);

        Assert.Equal("silver", account.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(50m, account.GetProperty("qualifyingValue").GetDecimal());
        Assert.Equal("gold", account.GetProperty("nextTier").GetProperty("code").GetString());
        Assert.Equal(150m, account.GetProperty("nextTier").GetProperty("remaining").GetDecimal());
    }

    private static object Program(params object[] tiers) => new { tiers };

    private static object Tier(
        string code, decimal threshold, int graceDays, int windowMonths = 12, decimal earnMultiplier = 1, string basis = "points") =>
        new
        {
            code,
            name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(code),
            basis,
            threshold,
            windowMonths,
            benefits = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(code) + " perks",
            earnMultiplier,
            downgradeGraceDays = graceDays,
        };

    private async Task<(Guid TenantId, Guid CustomerId, HttpClient Client)> NewCustomerAsync()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        return (tenantId, customerId, fixture.Service.CreateTenantClient(tenantId));
    }

    private async Task BuyAsync(Guid tenantId, Guid customerId, decimal amount) =>
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, amount));

    private static async Task<JsonElement> AccountAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync(LoyaltyServiceFixture.AccountPath(customerId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The customer's tier changes, oldest first, as "from>to" ("-" for none); each must have exactly one
    /// TierChanged in the outbox.
    /// </summary>
    private async Task<string> ChangesAsync(Guid customerId)
    {
        var changes = await fixture.Database.ScalarAsync<string>(
            "SELECT coalesce(string_agg(coalesce(from_code, '-') || '>' || coalesce(to_code, '-'), ',' ORDER BY occurred_at, id), '') FROM tier_changes WHERE customer_id = @customer",
            ("customer", customerId));
        var published = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> 'customerId' = @customer",
            ("type", ContractRegistry.UrnOf(typeof(TierChanged))), ("customer", customerId.ToString()));
        Assert.Equal(changes!.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, published);
        return changes;
    }

    private async Task<(long Points, int RuleVersion)> EarnedAsync(Guid purchaseId)
    {
        var points = await fixture.Database.ScalarAsync<long>(
            "SELECT points FROM ledger_entries WHERE source = 'Purchase' AND source_id = @id", ("id", purchaseId));
        var ruleVersion = await fixture.Database.ScalarAsync<int>(
            "SELECT rule_version FROM ledger_entries WHERE source = 'Purchase' AND source_id = @id", ("id", purchaseId));
        return (points, ruleVersion);
    }

    /// <summary>Null members are left out of the JSON, so null is either.</summary>
    private static bool IsNull(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>A number as the bus wrote it: MassTransit's serializer may write numbers as JSON strings.</summary>
    private static decimal NumberOf(JsonElement message, string property)
    {
        var value = message.GetProperty(property);
        return value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : value.GetDecimal();
    }
}
