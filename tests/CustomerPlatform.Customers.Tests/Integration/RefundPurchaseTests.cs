using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Customers.Tests.PurchaseHistoryApi;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RefundPurchaseTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    private const string PurchaseRefundedType = "customers.purchase-refunded.v1";

    [Fact]
    public async Task RefundPurchase_PartOfIt_Returns201AndPublishesPurchaseRefunded()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, client, customerId, purchaseId) = sale;
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PurchaseRefundedType);

        using var response = await client.PostAsJsonAsync(
            RefundsPath(customerId, purchaseId), new { kind = "refund", amount = 30.5m, reason = "Damaged box", branch = "LON-02" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var refundId = body.GetProperty("id").GetGuid();
        Assert.Equal($"{RefundsPath(customerId, purchaseId)}/{refundId}", response.Headers.Location?.OriginalString);
        Assert.Equal("refund", body.GetProperty("kind").GetString());
        Assert.Equal(30.5m, body.GetProperty("amount").GetDecimal());
        Assert.Equal(69.5m, body.GetProperty("remainingAmount").GetDecimal());
        Assert.Equal("LON-02", body.GetProperty("branch").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("refundId") == refundId, "PurchaseRefunded should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(purchaseId, observed.GetGuid("purchaseId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("LON-02", observed.GetString("branch"));
        Assert.Equal(30.5m, EventDecimal(observed, "amount"));
        Assert.Equal("EUR", observed.GetString("currency"));
        Assert.Equal("refund", observed.GetString("kind"));
        Assert.Equal(69.5m, EventDecimal(observed, "remainingAmount"));
        Assert.Equal(body.GetProperty("occurredAt").GetDateTimeOffset(), observed.Message.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetPurchase_AfterRefunds_ShowsTheRefundedAmountAndEachRefund()
    {
        using var sale = await PurchaseAsync(100m);
        var (_, client, customerId, purchaseId) = sale;
        await RefundAsync(client, customerId, purchaseId, new { kind = "refund", amount = 10m, reason = "one" });
        var last = await RefundAsync(client, customerId, purchaseId, new { kind = "refund", reason = "the rest" });

        using var response = await client.GetAsync($"{PurchasesPath(customerId)}/{purchaseId}");
        using var refund = await client.GetAsync($"{RefundsPath(customerId, purchaseId)}/{last}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal(100m, body.GetProperty("refundedAmount").GetDecimal());
        Assert.Equal([10m, 90m], body.GetProperty("refunds").EnumerateArray().Select(item => item.GetProperty("amount").GetDecimal()));
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.Equal(0m, (await CustomersApi.ReadJsonAsync(refund)).GetProperty("remainingAmount").GetDecimal());
    }

    [Fact]
    public async Task RefundPurchase_MoreThanRemains_Returns422RefundExceedsPurchase()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, client, customerId, purchaseId) = sale;
        await RefundAsync(client, customerId, purchaseId, new { kind = "refund", amount = 60m, reason = "one" });

        using var response = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "refund", amount = 40.0001m, reason = "two" });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "refund-exceeds-purchase");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
        Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRefundedType));
    }

    [Fact]
    public async Task RefundPurchase_TwentyConcurrentTensOnAHundred_ExactlyTenSucceed()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, client, customerId, purchaseId) = sale;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "refund", amount = 10m, reason = $"refund {i}" })));

        try
        {
            Assert.Equal(10, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
            foreach (var refused in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            {
                await ProblemResponse.ReadAsync(refused, (HttpStatusCode)422, "refund-exceeds-purchase");
            }

            Assert.Equal(100m, await fixture.Database.ScalarAsync<decimal>("SELECT refunded_amount FROM purchases WHERE id = @id", ("id", purchaseId)));
            Assert.Equal(10L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
            Assert.Equal(10L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRefundedType));
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
    public async Task VoidPurchase_Untouched_Returns201AndThenRefusesAnyRefund()
    {
        using var sale = await PurchaseAsync(80m);
        var (_, client, customerId, purchaseId) = sale;

        using var voided = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "void", reason = "Wrong customer" });
        using var after = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "refund", amount = 1m, reason = "more" });

        Assert.Equal(HttpStatusCode.Created, voided.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(voided);
        Assert.Equal("void", body.GetProperty("kind").GetString());
        Assert.Equal(80m, body.GetProperty("amount").GetDecimal());
        await ProblemResponse.ReadAsync(after, (HttpStatusCode)422, "purchase-voided");
    }

    [Fact]
    public async Task VoidPurchase_AfterARefund_Returns422VoidAfterRefund()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, client, customerId, purchaseId) = sale;
        await RefundAsync(client, customerId, purchaseId, new { kind = "refund", amount = 10m, reason = "part" });

        using var response = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "void", reason = "cancel" });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "void-after-refund");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
    }

    [Fact]
    public async Task RefundPurchase_WithoutKindOrReason_Returns400NamingThem()
    {
        using var sale = await PurchaseAsync(100m);
        var (_, client, customerId, purchaseId) = sale;

        using var response = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { amount = 5m, reason = " " });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "kind");
        ProblemResponse.ErrorsFor(problem, "reason");
    }

    [Fact]
    public async Task RefundPurchase_OfAnotherBusinessesPurchase_Returns404AndChangesNothing()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, _, customerId, purchaseId) = sale;
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await stranger.PostAsJsonAsync(RefundsPath(customerId, purchaseId), new { kind = "refund", amount = 5m, reason = "x" });
        using var read = await stranger.GetAsync($"{PurchasesPath(customerId)}/{purchaseId}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
    }

    [Theory]
    [InlineData("south", null, HttpStatusCode.Forbidden)]
    [InlineData("north", "south", HttpStatusCode.Forbidden)]
    [InlineData("north", null, HttpStatusCode.Created)]
    public async Task RefundPurchase_WithBranchRestrictedKey_OnlyForItsOwnBranchsPurchases(string keyBranch, string? refundBranch, HttpStatusCode expected)
    {
        using var sale = await PurchaseAsync(100m, branch: "north");
        var (tenantId, _, customerId, purchaseId) = sale;
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, RefundsPath(customerId, purchaseId), InternalTokens.For(tenantId, InternalTokens.AllScopes, keyBranch),
            new { kind = "refund", amount = 5m, reason = "x", branch = refundBranch });

        if (expected == HttpStatusCode.Forbidden)
        {
            await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task RefundPurchase_ReplayedWithSameIdempotencyKey_RefundsOnce()
    {
        using var sale = await PurchaseAsync(100m);
        var (tenantId, client, customerId, purchaseId) = sale;
        var key = Guid.NewGuid().ToString();
        var body = new { kind = "refund", amount = 10m, reason = "once" };
        using var first = await IdempotentRequest.PostAsync(client, RefundsPath(customerId, purchaseId), key, body);

        using var replay = await IdempotentRequest.PostAsync(client, RefundsPath(customerId, purchaseId), key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
        Assert.Equal(10m, await fixture.Database.ScalarAsync<decimal>("SELECT refunded_amount FROM purchases WHERE id = @id", ("id", purchaseId)));
    }

    [Fact]
    public async Task RefundPurchase_UnderIdempotencyKeysConcurrently_StillNeverOverRefunds()
    {
        using var sale = await PurchaseAsync(30m);
        var (tenantId, client, customerId, purchaseId) = sale;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => IdempotentRequest.PostAsync(
            client, RefundsPath(customerId, purchaseId), Guid.NewGuid().ToString(), new { kind = "refund", amount = 10m, reason = $"r{i}" })));

        try
        {
            Assert.Equal(3, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
            Assert.Equal(3L, await fixture.Database.CountForTenantAsync("purchase_refunds", tenantId));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private async Task<Sale> PurchaseAsync(decimal amount, string branch = "LON-01")
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var purchaseId = await RecordPurchaseAsync(client, customerId, new { branch, amount, currency = "EUR" });
        return new Sale(tenantId, client, customerId, purchaseId);
    }

    private static async Task<Guid> RefundAsync(HttpClient client, Guid customerId, Guid purchaseId, object body)
    {
        using var response = await client.PostAsJsonAsync(RefundsPath(customerId, purchaseId), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Refunding failed with {(int)response.StatusCode}: {text}");
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A business's purchase to refund, with the client that made it.</summary>
    private sealed record Sale(Guid TenantId, HttpClient Client, Guid CustomerId, Guid PurchaseId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
