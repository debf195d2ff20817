using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class MergeTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string AdjustedExchange = "loyalty.points-adjusted.v1";

    [Fact]
    public async Task CustomersMerged_MovesBalanceAndLifetimeToSurvivorAndPublishesBothAdjustments()
    {
        var tenantId = Guid.NewGuid();
        var survivorId = Guid.NewGuid();
        var mergedId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, survivorId);
        await fixture.RegisterCustomerAsync(tenantId, mergedId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, survivorId, 10m));
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, mergedId, 70m));
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var spent = await client.PostAsJsonAsync($"/api/v1/loyalty/accounts/{mergedId}/adjustments", new { points = -20, reason = "spent" });
        Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AdjustedExchange);

        await fixture.DeliverAsync(LoyaltyEvents.Merged(tenantId, survivorId, mergedId));

        var survivor = await fixture.FindAccountAsync(tenantId, survivorId);
        var merged = await fixture.FindAccountAsync(tenantId, mergedId);
        Assert.Equal(60, survivor?.Balance);
        Assert.Equal(80, survivor?.LifetimePoints);
        Assert.Equal(0, merged?.Balance);
        Assert.Equal(0, merged?.LifetimePoints);
        Assert.Equal(survivor?.AccountId, await fixture.Database.ScalarAsync<Guid?>(
            "SELECT merged_into_account_id FROM accounts WHERE customer_id = @id", ("id", mergedId)));
        // By source too: the earlier "spent" adjustment's event may still be relayed after the probe binds.
        var debit = await probe.WaitForAsync(
            e => e.GetGuid("customerId") == mergedId && e.GetString("source") == "mergedAway", "the merged-away account's debit should be published");
        var credit = await probe.WaitForAsync(
            e => e.GetGuid("customerId") == survivorId && e.GetString("source") == "merge", "the survivor's credit should be published");
        Assert.Equal(-50, debit.Message.GetProperty("points").GetInt64());
        Assert.Equal("mergedAway", debit.GetString("source"));
        Assert.Equal(survivorId, debit.GetGuid("relatedCustomerId"));
        Assert.Equal(50, credit.Message.GetProperty("points").GetInt64());
        Assert.Equal("merge", credit.GetString("source"));
        Assert.Equal(merged?.AccountId, credit.GetGuid("sourceId"));
        Assert.Equal(mergedId, credit.GetGuid("relatedCustomerId"));
        Assert.Equal(60, credit.Message.GetProperty("balanceAfter").GetInt64());
        await fixture.AssertBalanceIsLedgerSumAsync(survivorId);
        await fixture.AssertBalanceIsLedgerSumAsync(mergedId);
    }

    [Fact]
    public async Task CustomersMerged_ThenPostingsForMergedCustomer_AdjustmentRefusedAndGoodwillGoesToSurvivor()
    {
        var tenantId = Guid.NewGuid();
        var survivorId = Guid.NewGuid();
        var mergedId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, mergedId);
        var purchase = LoyaltyEvents.Purchase(tenantId, mergedId, 30m);
        await fixture.DeliverAsync(purchase);
        await fixture.DeliverAsync(LoyaltyEvents.Merged(tenantId, survivorId, mergedId));
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var adjustment = await client.PostAsJsonAsync($"/api/v1/loyalty/accounts/{mergedId}/adjustments", new { points = 5, reason = "late" });
        await fixture.DeliverAsync(LoyaltyEvents.Compensation(tenantId, mergedId, 15));
        await fixture.DeliverAsync(LoyaltyEvents.Refund(tenantId, mergedId, purchase.PurchaseId, 10m, remaining: 20m));

        await ProblemResponse.ReadAsync(adjustment, HttpStatusCode.Conflict, "account-merged");
        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, mergedId))?.Balance);
        Assert.Equal(35, (await fixture.FindAccountAsync(tenantId, survivorId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(survivorId);
        await fixture.AssertBalanceIsLedgerSumAsync(mergedId);
    }

    [Fact]
    public async Task CustomersMerged_DeliveredTwiceAndUnderTwoMessageIds_MovesPointsOnce()
    {
        var tenantId = Guid.NewGuid();
        var survivorId = Guid.NewGuid();
        var mergedId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, survivorId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, mergedId, 25m));
        var merge = LoyaltyEvents.Merged(tenantId, survivorId, mergedId);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(merge, messageId);
        await fixture.PublishAsync(merge, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);
        await fixture.DeliverAsync(merge);

        Assert.Equal(25, (await fixture.FindAccountAsync(tenantId, survivorId))?.Balance);
        Assert.Equal(2, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant AND type = 'Adjust'", ("tenant", tenantId)));
        await fixture.AssertBalanceIsLedgerSumAsync(survivorId);
        await fixture.AssertBalanceIsLedgerSumAsync(mergedId);
    }

    [Fact]
    public async Task CustomersMerged_TwoAccountsIntoOneSurvivor_BothMove()
    {
        var tenantId = Guid.NewGuid();
        var survivorId = Guid.NewGuid();
        var firstId = Guid.NewGuid();
        var secondId = Guid.NewGuid();
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, firstId, 11m));
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, secondId, 22m));

        await fixture.DeliverAsync(LoyaltyEvents.Merged(tenantId, survivorId, firstId));
        await fixture.DeliverAsync(LoyaltyEvents.Merged(tenantId, survivorId, secondId));

        Assert.Equal(33, (await fixture.FindAccountAsync(tenantId, survivorId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(survivorId);
    }

    [Fact]
    public async Task CustomersMerged_MergedCustomerWithoutAccount_ChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        var survivorId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, survivorId);

        await fixture.DeliverAsync(new CustomersMerged
        {
            TenantId = tenantId,
            SurvivorCustomerId = survivorId,
            MergedCustomerId = Guid.NewGuid(),
            OccurredAt = DateTimeOffset.UtcNow,
        });

        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, survivorId))?.Balance);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }
}
