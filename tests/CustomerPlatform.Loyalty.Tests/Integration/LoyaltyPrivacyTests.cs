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

    private async Task EarnAsync(Guid tenantId, Guid customerId, decimal amount)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(LoyaltyEvents.Purchase(tenantId, customerId, amount), messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static string PersonalDataPath(Guid customerId) => $"/api/v1/loyalty/personal-data/{customerId}";
}
