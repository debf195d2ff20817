using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class GoodwillTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string EarnedExchange = "loyalty.points-earned.v1";

    [Fact]
    public async Task CompensationApproved_LoyaltyPoints_CreditsGoodwillAndPublishesPointsEarned()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, EarnedExchange);
        var compensation = LoyaltyEvents.Compensation(tenantId, customerId, 250);

        await fixture.DeliverAsync(compensation);

        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Equal(250, account?.Balance);
        Assert.Equal(250, account?.LifetimePoints);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/v1/loyalty/accounts/{customerId}/ledger");
        var entry = Assert.Single(ledger.GetProperty("items").EnumerateArray());
        Assert.Equal("compensation", entry.GetProperty("source").GetString());
        Assert.Equal(compensation.CompensationId, entry.GetProperty("sourceId").GetGuid());
        Assert.Equal($"goodwill for complaint {compensation.ComplaintId}", entry.GetProperty("reason").GetString());
        var published = await probe.WaitForAsync(e => e.GetGuid("sourceId") == compensation.CompensationId, "PointsEarned should reach its exchange");
        Assert.Equal("compensation", published.GetString("source"));
        Assert.Equal(compensation.ComplaintId, published.GetGuid("complaintId"));
        Assert.Equal(250, published.Message.GetProperty("points").GetInt64());
        Assert.Equal("central", published.GetString("branch"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task CompensationApproved_CustomerWithoutAccount_OpensOneAndCredits()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();

        await fixture.DeliverAsync(LoyaltyEvents.Compensation(tenantId, customerId, 80));

        Assert.Equal(80, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task CompensationApproved_OtherTypeOrNoCustomer_CreditsNothing()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);

        await fixture.DeliverAsync(LoyaltyEvents.Compensation(tenantId, customerId, 20, type: "refund"));
        await fixture.DeliverAsync(LoyaltyEvents.Compensation(tenantId, customerId: null, 20));

        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }

    [Fact]
    public async Task CompensationApproved_DeliveredTwiceAndUnderTwoMessageIds_CreditsOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var compensation = LoyaltyEvents.Compensation(tenantId, customerId, 40);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(compensation, messageId);
        await fixture.PublishAsync(compensation, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);
        await fixture.DeliverAsync(compensation);

        Assert.Equal(40, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", compensation.CompensationId)));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }
}
