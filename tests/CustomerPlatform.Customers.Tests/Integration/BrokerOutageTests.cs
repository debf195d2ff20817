using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class BrokerOutageTests(BrokerOutageFixture fixture) : IClassFixture<BrokerOutageFixture>
{
    // Generous: after the broker comes back, MassTransit reconnects with backoff and the relay's own backoff may
    // be at its 15 s ceiling, plus a publish that timed out while the broker was away.
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RegisterCustomer_WhileBrokerIsDown_Returns201AndPublishesAfterItReturns()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-registered.v1");
        await PublishedThroughProxyAsync(probe);
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await fixture.Proxy.CutAsync();

        var stopwatch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName = "Offline Olga" });
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Registering took {stopwatch.Elapsed} while the broker was down");
        var customerId = (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        var outboxId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM outbox_messages WHERE tenant_id = @tenant", ("tenant", tenantId));
        Assert.NotEqual(Guid.Empty, outboxId);
        Assert.False(await IsSentAsync(outboxId));
        // Proof the relay really goes through the proxy: its publish fails (after at most the 10 s publish timeout)
        // and the row keeps the error, unsent.
        await Eventually.AssertAsync(
            () => fixture.Database.ScalarAsync<bool>(
                "SELECT attempts > 0 AND last_error IS NOT NULL AND sent_at IS NULL FROM outbox_messages WHERE id = @id",
                ("id", outboxId)),
            "the relay should record a failed publish while the broker is down",
            TimeSpan.FromSeconds(45));

        fixture.Proxy.Resume();

        var observed = await probe.WaitForAsync(
            message => message.GetGuid("customerId") == customerId,
            "the event written while the broker was down should be published once it is back",
            RecoveryTimeout);
        Assert.Equal(outboxId, observed.MessageId);
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        await Eventually.AssertAsync(
            () => IsSentAsync(outboxId),
            "the outbox row should be marked sent",
            RecoveryTimeout);
    }

    // Proves the service's bus is up through the proxy before the cut, so the outage is the only thing that changes.
    private async Task PublishedThroughProxyAsync(EventProbe probe)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client, "Online Otto");
        await probe.WaitForAsync(
            message => message.GetGuid("customerId") == customerId,
            "the service should publish through the proxy before the outage",
            RecoveryTimeout);
    }

    private Task<bool> IsSentAsync(Guid outboxId) =>
        fixture.Database.ScalarAsync<bool>("SELECT sent_at IS NOT NULL FROM outbox_messages WHERE id = @id", ("id", outboxId));
}
