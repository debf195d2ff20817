using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomerMetricsTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RecordPurchases_ThroughTheApi_UpdateMetricsScoresAndMakeTheProspectActive()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var first = DateTimeOffset.UtcNow.AddDays(-3);
        var last = DateTimeOffset.UtcNow.AddDays(-1);

        await PurchaseAsync(client, customerId, 10.50m, first);
        await PurchaseAsync(client, customerId, 20m, last);

        var metrics = (await Eventually.GetAsync(
            async () => await MetricsAsync(client, customerId) is { } body && body.GetProperty("purchaseCount").GetInt32() == 2 ? (JsonElement?)body : null,
            "both purchases should reach the customer's metrics")).GetValueOrDefault();
        Assert.Equal(30.50m, metrics.GetProperty("totalSpent").GetDecimal());
        Assert.Equal("EUR", metrics.GetProperty("currency").GetString());
        Assert.Equal(first, metrics.GetProperty("firstPurchaseAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(last, metrics.GetProperty("lastPurchaseAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        using var customer = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}");
        Assert.Equal("active", (await CustomersApi.ReadJsonAsync(customer)).GetProperty("status").GetString());

        await Refresher.RunOnceAsync(CancellationToken.None);

        var scored = (await MetricsAsync(client, customerId))!.Value;
        Assert.Equal("111", scored.GetProperty("rfmCell").GetString());
        Assert.Equal("low", scored.GetProperty("valueTier").GetString());
        Assert.True(scored.TryGetProperty("scoredAt", out _));
    }

    [Fact]
    public async Task ActiveCustomerWithoutPurchasesForAYear_LapsesAndTheNextPurchaseMakesThemActive()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var recentId = await CustomersApi.RegisterAsync(client, "Recent Buyer");
        await PurchaseAsync(client, customerId, 10m, DateTimeOffset.UtcNow.AddDays(-400));
        await PurchaseAsync(client, recentId, 10m, DateTimeOffset.UtcNow.AddDays(-10));
        await Eventually.AssertAsync(
            async () => await StatusAsync(client, customerId) == "active" && await StatusAsync(client, recentId) == "active",
            "both purchases should make their customers active");

        await Refresher.SweepLapsedAsync(CancellationToken.None);

        Assert.Equal("lapsed", await StatusAsync(client, customerId));
        Assert.Equal("active", await StatusAsync(client, recentId));
        Assert.Equal("lapsed", await fixture.Database.ScalarAsync<string>(
            "SELECT payload->>'status' FROM outbox_messages WHERE message_type LIKE '%customer-updated.v1' AND payload->>'customerId' = @id",
            ("id", customerId.ToString())));

        await PurchaseAsync(client, customerId, 5m, DateTimeOffset.UtcNow.AddMinutes(-1));

        await Eventually.AssertAsync(async () => await StatusAsync(client, customerId) == "active", "the next purchase should make them active again");
    }

    [Fact]
    public async Task RefundsAndVoids_ThroughTheApi_ComeOffTheMetrics()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var kept = await PurchaseIdAsync(client, customerId, 50m);
        var voided = await PurchaseIdAsync(client, customerId, 30m);

        await RefundAsync(client, customerId, kept, new { kind = "refund", amount = 20m, reason = "Damaged" });
        await RefundAsync(client, customerId, voided, new { kind = "void", reason = "Till error" });

        var metrics = (await Eventually.GetAsync(
            async () => await MetricsAsync(client, customerId) is { } body && body.GetProperty("totalSpent").GetDecimal() == 30m ? (JsonElement?)body : null,
            "both purchases and both refunds should reach the metrics")).GetValueOrDefault();
        Assert.Equal(1, metrics.GetProperty("purchaseCount").GetInt32());
    }

    [Fact]
    public async Task PurchaseRecorded_DeliveredTwiceWithSameMessageId_CountsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var purchaseId = await PurchaseHistoryApi.RecordPurchaseAsync(client, customerId, new { branch = "LON-01", amount = 12.34m, currency = "GBP" });
        // The purchase's event again, as a redelivery would bring it.
        var purchase = new PurchaseRecorded
        {
            TenantId = tenantId,
            PurchaseId = purchaseId,
            CustomerId = customerId,
            Branch = "LON-01",
            Amount = 12.34m,
            Currency = "GBP",
            OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        };
        var messageId = Guid.NewGuid();
        var recorder = new ConsumeRecorder();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        using var observer = bus.ConnectConsumeObserver(recorder);

        await bus.Publish(purchase, context => context.MessageId = messageId);
        await bus.Publish(purchase, context => context.MessageId = messageId);
        await Eventually.AssertAsync(() => Task.FromResult(recorder.TimesConsumed(messageId) >= 2), "both deliveries should be handled");

        var metrics = (await MetricsAsync(client, customerId))!.Value;
        Assert.Equal(1, metrics.GetProperty("purchaseCount").GetInt32());
        Assert.Equal(12.34m, metrics.GetProperty("totalSpent").GetDecimal());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer = 'customers.purchase-metrics'", ("id", messageId)));
    }

    [Fact]
    public async Task Rescore_TenCustomersWithDistinctHistories_GivesEachItsQuintile()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var now = DateTimeOffset.UtcNow;
        var customers = new List<Guid>();
        for (var index = 0; index < 10; index++)
        {
            var customerId = await CustomersApi.RegisterAsync(client, $"Customer {index}");
            customers.Add(customerId);
            // Customer 0 bought most recently but least often; customer 9 least recently, most often, spending least.
            await SeedMetricsAsync(tenantId, customerId, count: index + 1, spent: (10 - index) * 10m, lastPurchaseAt: now.AddDays(-index));
        }

        var prospectId = await CustomersApi.RegisterAsync(client, "Prospect");

        await Refresher.RescoreAsync(tenantId, CancellationToken.None);

        for (var index = 0; index < 10; index++)
        {
            var metrics = (await MetricsAsync(client, customers[index]))!.Value;
            var expected = (Recency: 5 - (index / 2), Frequency: (index / 2) + 1, Monetary: 5 - (index / 2));
            Assert.Equal(expected, (metrics.GetProperty("recencyScore").GetInt32(), metrics.GetProperty("frequencyScore").GetInt32(), metrics.GetProperty("monetaryScore").GetInt32()));
            Assert.Equal($"{expected.Recency}{expected.Frequency}{expected.Monetary}", metrics.GetProperty("rfmCell").GetString());
        }

        Assert.Equal("high", (await MetricsAsync(client, customers[0]))!.Value.GetProperty("valueTier").GetString());
        Assert.Equal("medium", (await MetricsAsync(client, customers[9]))!.Value.GetProperty("valueTier").GetString());
        var prospect = (await MetricsAsync(client, prospectId))!.Value;
        Assert.Equal("none", prospect.GetProperty("valueTier").GetString());
        Assert.Equal(0, prospect.GetProperty("purchaseCount").GetInt32());
        Assert.False(prospect.TryGetProperty("recencyScore", out var recency) && recency.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Rescore_CustomersWithTheSameHistory_ScoreAlike()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var lastPurchaseAt = DateTimeOffset.UtcNow.AddDays(-2);
        var twins = new List<Guid>();
        for (var index = 0; index < 5; index++)
        {
            var customerId = await CustomersApi.RegisterAsync(client, $"Twin {index}");
            twins.Add(customerId);
            await SeedMetricsAsync(tenantId, customerId, count: 1, spent: 10m, lastPurchaseAt);
        }

        await Refresher.RescoreAsync(tenantId, CancellationToken.None);

        foreach (var twin in twins)
        {
            Assert.Equal("111", (await MetricsAsync(client, twin))!.Value.GetProperty("rfmCell").GetString());
        }
    }

    [Fact]
    public async Task GetMetrics_UnknownOrAnotherTenantsCustomer_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);

        using var foreign = await stranger.GetAsync($"{CustomersApi.CustomersPath}/{customerId}/metrics");
        using var unknown = await owner.GetAsync($"{CustomersApi.CustomersPath}/{Guid.NewGuid()}/metrics");

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    private SegmentRefresher Refresher => fixture.Service.Services.GetRequiredService<SegmentRefresher>();

    private Task SeedMetricsAsync(Guid tenantId, Guid customerId, int count, decimal spent, DateTimeOffset lastPurchaseAt) =>
        fixture.Database.ExecuteAsync(
            """
            INSERT INTO customer_metrics (tenant_id, customer_id, purchase_count, total_spent, currency, first_purchase_at, last_purchase_at, updated_at)
            VALUES (@tenant, @customer, @count, @spent, 'EUR', @last, @last, now());
            INSERT INTO metrics_rescore_requests (tenant_id, requested_at) VALUES (@tenant, now()) ON CONFLICT DO NOTHING;
            """,
            ("tenant", tenantId), ("customer", customerId), ("count", count), ("spent", spent), ("last", lastPurchaseAt.UtcDateTime));

    private static async Task PurchaseAsync(HttpClient client, Guid customerId, decimal amount, DateTimeOffset occurredAt)
    {
        using var response = await client.PostAsJsonAsync(
            $"{CustomersApi.CustomersPath}/{customerId}/purchases", new { branch = "LON-01", amount, currency = "EUR", occurredAt });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Guid> PurchaseIdAsync(HttpClient client, Guid customerId, decimal amount)
    {
        using var response = await client.PostAsJsonAsync(
            $"{CustomersApi.CustomersPath}/{customerId}/purchases", new { branch = "LON-01", amount, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task RefundAsync(HttpClient client, Guid customerId, Guid purchaseId, object body)
    {
        using var response = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{customerId}/purchases/{purchaseId}/refunds", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}");
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("status").GetString();
    }

    private static async Task<JsonElement?> MetricsAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CustomersApi.ReadJsonAsync(response);
    }
}
