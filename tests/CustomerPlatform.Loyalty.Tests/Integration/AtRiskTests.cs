using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AtRiskTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string AtRiskExchange = "loyalty.customer-at-risk.v1";
    private const string SettingsPath = "/api/v1/loyalty/settings/at-risk";
    private const string AtRiskPath = "/api/v1/loyalty/at-risk";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task RegularCustomer_OverdueByMoreThanTwiceTheirInterval_IsAnnouncedOnceAndListed()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AtRiskExchange);
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);

        await BuyAsync(tenantId, customerId, daysAgo: 30);
        await BuyAsync(tenantId, customerId, daysAgo: 25);
        await BuyAsync(tenantId, customerId, daysAgo: 20);

        var announced = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "the lapse should be announced");
        var message = announced.Message;
        Assert.Equal(tenantId, announced.GetGuid("tenantId"));
        Assert.Equal(1, message.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(3, NumberOf(message, "purchaseCount"));
        Assert.Equal(5, NumberOf(message, "usualIntervalDays"), 3);
        Assert.InRange(NumberOf(message, "daysSince"), 19.99, 20.1);
        Assert.Equal(2, NumberOf(message, "factor"));
        Assert.Equal("central", announced.GetString("branch"));
        Assert.NotEqual(Guid.Empty, announced.GetGuid("eventId"));
        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Equal(account!.AccountId, announced.GetGuid("accountId"));
        Assert.Equal(1, await CountAtRiskEventsAsync(customerId));
        var listed = Assert.Single(await ListAsync(tenantId));
        Assert.Equal(customerId, listed.GetProperty("customerId").GetGuid());
        Assert.Equal(Now.AddDays(-20).AddDays(10).UtcDateTime, listed.GetProperty("overdueSince").GetDateTimeOffset().UtcDateTime, TimeSpan.FromSeconds(5));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task NewPurchase_EndsTheLapse_AndALaterLapseIsAnnouncedAgain()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AtRiskExchange);
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await BuyAsync(tenantId, customerId, daysAgo: 40);
        await BuyAsync(tenantId, customerId, daysAgo: 35);
        await BuyAsync(tenantId, customerId, daysAgo: 30);
        var first = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "the first lapse should be announced");

        await BuyAsync(tenantId, customerId, daysAgo: 0);
        var backInRhythm = await ListAsync(tenantId);

        Assert.Empty(backInRhythm);
        Assert.Equal(1, await CountAtRiskEventsAsync(customerId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
        Assert.Equal(Now.AddDays(-30).UtcDateTime, first.Message.GetProperty("lastPurchaseAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PurchaseLaterThanTheAnnouncedOne_ThatLapsesToo_IsAnnouncedAsASecondLapse()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AtRiskExchange);
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await BuyAsync(tenantId, customerId, daysAgo: 40);
        await BuyAsync(tenantId, customerId, daysAgo: 35);
        await BuyAsync(tenantId, customerId, daysAgo: 30);
        await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "the first lapse should be announced");

        await BuyAsync(tenantId, customerId, daysAgo: 25);

        var second = await probe.WaitForAsync(
            e => e.GetGuid("customerId") == customerId && NumberOf(e.Message, "purchaseCount") == 4, "the second lapse should be announced");
        Assert.Equal(Now.AddDays(-25).UtcDateTime, second.Message.GetProperty("lastPurchaseAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromSeconds(5));
        Assert.Equal(2, await CountAtRiskEventsAsync(customerId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task ListAtRisk_PagesMostOverdueFirst_AndLeavesOutTooShortHistoriesAndOtherTenants()
    {
        var tenantId = Guid.NewGuid();
        var mostOverdue = Guid.NewGuid();
        var lessOverdue = Guid.NewGuid();
        var leastOverdue = Guid.NewGuid();
        var twoPurchasesOnly = Guid.NewGuid();
        foreach (var (customer, lastDaysAgo) in new[] { (mostOverdue, 40), (lessOverdue, 30), (leastOverdue, 20) })
        {
            await fixture.RegisterCustomerAsync(tenantId, customer);
            await BuyAsync(tenantId, customer, daysAgo: lastDaysAgo + 2);
            await BuyAsync(tenantId, customer, daysAgo: lastDaysAgo + 1);
            await BuyAsync(tenantId, customer, daysAgo: lastDaysAgo);
        }

        await BuyAsync(tenantId, twoPurchasesOnly, daysAgo: 60);
        await BuyAsync(tenantId, twoPurchasesOnly, daysAgo: 59);

        var (first, cursor) = await ListPageAsync(tenantId, "?limit=2");
        var (second, last) = await ListPageAsync(tenantId, $"?limit=2&cursor={cursor}");
        var stranger = await ListAsync(Guid.NewGuid());

        Assert.Equal([mostOverdue, lessOverdue], first.Select(item => item.GetProperty("customerId").GetGuid()));
        Assert.Equal([leastOverdue], second.Select(item => item.GetProperty("customerId").GetGuid()));
        Assert.Null(last);
        Assert.Equal(1, first[0].GetProperty("usualIntervalDays").GetDouble(), 3);
        Assert.Equal(3, first[0].GetProperty("purchaseCount").GetInt32());
        Assert.Empty(stranger);
    }

    [Theory]
    [InlineData("?cursor=nonsense", "cursor")]
    [InlineData("?limit=0", "limit")]
    public async Task ListAtRisk_WithBadPaging_Returns400NamingTheParameter(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(AtRiskPath + query);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task Settings_BeforeAnyChange_AreTheDefaultsWithETagZero()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(SettingsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2m, body.GetProperty("factor").GetDecimal());
        Assert.Equal(3, body.GetProperty("minPurchases").GetInt32());
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.False(body.TryGetProperty("updatedAt", out var updatedAt) && updatedAt.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Settings_Replaced_AreReadBackWithANewETag_AndAStaleETagGets412()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var replaced = await PutSettingsAsync(client, new { factor = 3.5m, minPurchases = 4, enabled = false }, "\"0\"");
        using var read = await client.GetAsync(SettingsPath);
        using var stale = await PutSettingsAsync(client, new { factor = 2m, minPurchases = 3, enabled = true }, "\"0\"");
        using var othersView = await stranger.GetAsync(SettingsPath);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(replaced.Headers.ETag?.Tag, read.Headers.ETag?.Tag);
        Assert.NotEqual("\"0\"", read.Headers.ETag?.Tag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3.5m, body.GetProperty("factor").GetDecimal());
        Assert.Equal(4, body.GetProperty("minPurchases").GetInt32());
        Assert.False(body.GetProperty("enabled").GetBoolean());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("\"0\"", othersView.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Settings_TurnedOff_EmptyTheAtRiskList()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await BuyAsync(tenantId, customerId, daysAgo: 30);
        await BuyAsync(tenantId, customerId, daysAgo: 29);
        await BuyAsync(tenantId, customerId, daysAgo: 28);
        var before = await ListAsync(tenantId);

        using var off = await PutSettingsAsync(client, new { factor = 2m, minPurchases = 3, enabled = false }, "\"0\"");
        var after = await ListAsync(tenantId);

        Assert.Single(before);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Empty(after);
    }

    [Fact]
    public async Task Settings_WithoutIfMatch_Returns428()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await PutSettingsAsync(client, new { factor = 2m, minPurchases = 3, enabled = true }, ifMatch: null);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.PreconditionRequired, "precondition-required");
    }

    [Fact]
    public async Task Settings_OutOfRange_Return400NamingEachField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await PutSettingsAsync(client, new { factor = 1m, minPurchases = 1 }, "\"0\"");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "factor"));
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "minPurchases"));
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "enabled"));
    }

    [Fact]
    public async Task Settings_ChangedWithABranchRestrictedKey_Returns403()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Put, SettingsPath, InternalTokens.For(Guid.NewGuid(), InternalTokens.AllScopes, "north"),
            new { factor = 2m, minPurchases = 3, enabled = true });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>A number as the bus wrote it: MassTransit's serializer may write numbers as JSON strings.</summary>
    private static double NumberOf(JsonElement message, string property)
    {
        var value = message.GetProperty(property);
        return value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : value.GetDouble();
    }

    private async Task BuyAsync(Guid tenantId, Guid customerId, int daysAgo)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(
            LoyaltyEvents.Purchase(tenantId, customerId, 10m) with { OccurredAt = Now.AddDays(-daysAgo) }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private async Task<long> CountAtRiskEventsAsync(Guid customerId) =>
        await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> 'customerId' = @customer",
            ("type", ContractRegistry.UrnOf(typeof(CustomerAtRisk))), ("customer", customerId.ToString()));

    private async Task<List<JsonElement>> ListAsync(Guid tenantId) => (await ListPageAsync(tenantId, "")).Items;

    private async Task<(List<JsonElement> Items, string? NextCursor)> ListPageAsync(Guid tenantId, string query)
    {
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var response = await client.GetAsync(AtRiskPath + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Null members are left out of the JSON, so the last page has no nextCursor at all.
        var next = page.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        return ([.. page.GetProperty("items").EnumerateArray()], next);
    }

    private static async Task<HttpResponseMessage> PutSettingsAsync(HttpClient client, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, SettingsPath) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
