using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RefundsTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string ReversedExchange = "loyalty.points-reversed.v1";

    [Fact]
    public async Task PurchaseRefunded_Partly_ReversesItsShareAndPublishesPointsReversed()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 100m);
        await fixture.DeliverAsync(purchase);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ReversedExchange);
        var refund = LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 25m, remaining: 75m);

        await fixture.DeliverAsync(refund);

        Assert.Equal(75, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        var published = await probe.WaitForAsync(e => e.GetGuid("sourceId") == refund.RefundId, "PointsReversed should reach its exchange");
        Assert.Equal("refund", published.GetString("source"));
        Assert.Equal(-25, published.Message.GetProperty("points").GetInt64());
        Assert.Equal(0, published.Message.GetProperty("shortfall").GetInt64());
        Assert.Equal(75, published.Message.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(customerId, published.GetGuid("customerId"));
        Assert.Equal(published.GetGuid("entryId"), published.GetGuid("eventId"));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRefunded_InThreePartsOutOfOrder_NeverTakesMoreThanEarned()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 99.99m);
        await fixture.DeliverAsync(purchase);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 50m));

        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 33.33m, remaining: 66.66m));
        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 33.33m, remaining: 0m));
        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 33.33m, remaining: 33.33m));

        Assert.Equal(50, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        Assert.Equal(-99, await fixture.Database.ScalarAsync<long>(
            "SELECT sum(points)::bigint FROM ledger_entries WHERE type = 'Reverse' AND tenant_id = @tenant", ("tenant", tenantId)));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRefunded_VoidAfterPartialRefund_TakesBackAllThatIsLeft()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 80m);
        await fixture.DeliverAsync(purchase);

        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 20m, remaining: 60m));
        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 60m, remaining: 0m, kind: "void"));

        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        Assert.Equal(2, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE type = 'Reverse' AND tenant_id = @tenant", ("tenant", tenantId)));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRefunded_PointsAlreadySpent_StopsAtZeroAndRecordsShortfall()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 40m);
        await fixture.DeliverAsync(purchase);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var spent = await client.PostAsJsonAsync($"/api/v1/loyalty/accounts/{customerId}/adjustments", new { points = -30, reason = "spent at the till" });
        Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ReversedExchange);
        var refund = LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 40m, remaining: 0m);

        await fixture.DeliverAsync(refund);

        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        var published = await probe.WaitForAsync(e => e.GetGuid("sourceId") == refund.RefundId, "PointsReversed should reach its exchange");
        Assert.Equal(-10, published.Message.GetProperty("points").GetInt64());
        Assert.Equal(30, published.Message.GetProperty("shortfall").GetInt64());
        Assert.Equal(0, published.Message.GetProperty("balanceAfter").GetInt64());
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRefunded_SameRefundDeliveredTwiceAndUnderTwoMessageIds_ReversesOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 60m);
        await fixture.DeliverAsync(purchase);
        var refund = LoyaltyEvents.Refund(tenantId, customerId, purchase.PurchaseId, 30m, remaining: 30m);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(refund, messageId);
        await fixture.PublishAsync(refund, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);
        await fixture.DeliverAsync(refund);

        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", refund.RefundId)));
        Assert.Equal(30, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PurchaseRefunded_UnknownPurchase_ChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 12m));

        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, customerId, Guid.NewGuid(), 5m, remaining: 0m));

        Assert.Equal(12, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }
}
