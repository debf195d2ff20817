using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Customers.Tests.PurchaseHistoryApi;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>Itemised purchases, channels, till receipt ids and the purchase list.</summary>
[Trait("Category", "Integration")]
public sealed class PurchaseHistoryTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    private const string PurchaseRecordedType = "customers.purchase-recorded.v1";

    [Fact]
    public async Task RecordPurchase_WithLines_Returns201WithTheirTotalAndPublishesThem()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PurchaseRecordedType);
        var lines = new object[]
        {
            new { sku = "SHOE-42", description = "Running shoe", category = "footwear", quantity = 2m, unitPrice = 49.995m },
            new { sku = "SOCK-1", category = "accessories", quantity = 0.5m, unitPrice = 3m },
        };

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(customerId), new { branch = "LON-01", currency = "GBP", channel = "online", externalReference = "TILL-1-0001", lines });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var purchaseId = body.GetProperty("id").GetGuid();
        Assert.Equal(101.49m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("online", body.GetProperty("channel").GetString());
        Assert.Equal("TILL-1-0001", body.GetProperty("externalReference").GetString());
        Assert.Equal(0m, body.GetProperty("refundedAmount").GetDecimal());
        var returned = body.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["SHOE-42", "SOCK-1"], returned.Select(line => line.GetProperty("sku").GetString()));
        Assert.Equal([1, 2], returned.Select(line => line.GetProperty("lineNumber").GetInt32()));
        Assert.Equal([99.99m, 1.5m], returned.Select(line => line.GetProperty("amount").GetDecimal()));
        Assert.Equal(2L, await fixture.Database.CountForTenantAsync("purchase_lines", tenantId));
        var observed = await probe.WaitForAsync(message => message.GetGuid("purchaseId") == purchaseId, "PurchaseRecorded with lines should be published");
        Assert.Equal(101.49m, EventDecimal(observed, "amount"));
        Assert.Equal("online", observed.GetString("channel"));
        Assert.Equal("TILL-1-0001", observed.GetString("externalReference"));
        var published = observed.Message.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["footwear", "accessories"], published.Select(line => line.GetProperty("category").GetString()));
        Assert.Equal("49.995", published[0].GetProperty("unitPrice").GetString());
        Assert.Equal("0.5", published[1].GetProperty("quantity").GetString());
    }

    [Fact]
    public async Task RecordPurchase_WithAmountAlone_StillRecordsAnInStorePurchaseWithoutLines()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PurchaseRecordedType);

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", amount = 12m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("inStore", body.GetProperty("channel").GetString());
        Assert.Empty(body.GetProperty("lines").EnumerateArray());
        var purchaseId = body.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("purchaseId") == purchaseId, "PurchaseRecorded should be published");
        Assert.Equal("inStore", observed.GetString("channel"));
        Assert.False(observed.Message.TryGetProperty("lines", out var published) && published.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task RecordPurchase_WithLinesAndTheirTotal_Returns201()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new
        {
            branch = "LON-01", currency = "EUR", amount = 0.9999m, lines = new[] { new { sku = "X", quantity = 3m, unitPrice = 0.3333m } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RecordPurchase_WithAmountOtherThanTheLinesTotal_Returns422AmountMismatchAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new
        {
            branch = "LON-01", currency = "EUR", amount = 10m, lines = new[] { new { sku = "X", quantity = 3m, unitPrice = 3m } },
        });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "amount-mismatch");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchase_lines", tenantId));
    }

    [Fact]
    public async Task RecordPurchase_WithoutAmountOrLines_Returns400NamingTheAmount()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", currency = "EUR", lines = Array.Empty<object>() });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "amount");
    }

    [Fact]
    public async Task RecordPurchase_WithInvalidLines_Returns400NamingEachLineField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var lines = new object[]
        {
            new { sku = "OK", quantity = 1m, unitPrice = 1m },
            new { sku = "ZERO", quantity = 0m, unitPrice = 1m },
            new { quantity = 1m, unitPrice = -1m },
        };

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", currency = "EUR", lines });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "lines[1].quantity");
        ProblemResponse.ErrorsFor(problem, "lines[2].sku");
        ProblemResponse.ErrorsFor(problem, "lines[2].unitPrice");
    }

    [Fact]
    public async Task RecordPurchase_WithMoreThan500Lines_Returns400NamingTheLines()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var lines = Enumerable.Range(0, 501).Select(i => new { sku = $"S{i}", quantity = 1m, unitPrice = 1m }).ToArray();

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", currency = "EUR", lines });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "lines");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
    }

    [Fact]
    public async Task RecordPurchase_WithUnknownChannel_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", amount = 1m, currency = "EUR", channel = "carrierPigeon" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task RecordPurchase_RepeatedWithSameReferenceAndBody_Returns200WithTheSamePurchaseAndOneEvent()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        // Sub-microsecond ticks: the repeat must still match what PostgreSQL kept.
        var occurredAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var body = new { branch = "LON-01", currency = "EUR", occurredAt, externalReference = "R-100", lines = new[] { new { sku = "A", quantity = 2m, unitPrice = 5m } } };
        var purchaseId = await RecordPurchaseAsync(client, customerId, body);

        using var repeat = await client.PostAsJsonAsync(PurchasesPath(customerId), body);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var repeated = await CustomersApi.ReadJsonAsync(repeat);
        Assert.Equal(purchaseId, repeated.GetProperty("id").GetGuid());
        Assert.Equal(10m, repeated.GetProperty("amount").GetDecimal());
        Assert.Single(repeated.GetProperty("lines").EnumerateArray());
        Assert.Equal(occurredAt.ToUniversalTime().AddTicks(-7), repeated.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
        Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRecordedType));
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("branch")]
    [InlineData("lines")]
    [InlineData("occurredAt")]
    public async Task RecordPurchase_RepeatedReferenceWithOtherDetails_Returns409Duplicate(string changed)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-1);
        await RecordPurchaseAsync(client, customerId, new
        {
            branch = "LON-01", currency = "EUR", occurredAt, externalReference = "R-200", lines = new[] { new { sku = "A", quantity = 2m, unitPrice = 5m } },
        });

        using var repeat = await client.PostAsJsonAsync(PurchasesPath(customerId), new
        {
            branch = changed == "branch" ? "LON-02" : "LON-01",
            currency = "EUR",
            amount = changed == "amount" ? 11m : (decimal?)null,
            occurredAt = changed == "occurredAt" ? occurredAt.AddMinutes(1) : occurredAt,
            externalReference = "R-200",
            lines = new[] { new { sku = changed == "lines" ? "B" : "A", quantity = 2m, unitPrice = changed == "amount" ? 5.5m : 5m } },
        });

        await ProblemResponse.ReadAsync(repeat, HttpStatusCode.Conflict, "duplicate");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
        Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRecordedType));
    }

    [Fact]
    public async Task RecordPurchase_ConcurrentRepeatsOfOneReference_RecordOnePurchase()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var body = new { branch = "LON-01", amount = 25m, currency = "EUR", externalReference = "R-300" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsJsonAsync(PurchasesPath(customerId), body)));

        try
        {
            Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
            Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
            var ids = await Task.WhenAll(responses.Select(async response => (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid()));
            Assert.Single(ids.Distinct());
            Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
            Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRecordedType));
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
    public async Task RecordPurchase_ConcurrentRepeatsUnderOwnIdempotencyKeys_RecordOnePurchase()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var body = new { branch = "LON-01", amount = 25m, currency = "EUR", externalReference = "R-350" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            IdempotentRequest.PostAsync(client, PurchasesPath(customerId), Guid.NewGuid().ToString(), body)));

        try
        {
            Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
            Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
            Assert.Equal(1L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
            Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, PurchaseRecordedType));
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
    public async Task RecordPurchase_SameReferenceInAnotherBusiness_IsAnotherPurchase()
    {
        using var first = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var second = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var body = new { branch = "LON-01", amount = 5m, currency = "EUR", externalReference = "R-400" };
        var firstId = await RecordPurchaseAsync(first, await CustomersApi.RegisterAsync(first), body);

        using var response = await second.PostAsJsonAsync(PurchasesPath(await CustomersApi.RegisterAsync(second)), body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(firstId, (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ListPurchases_PageByPage_ReturnsNewestFirstAndEndsWithoutCursor()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var ids = new List<Guid>();
        for (var hour = 0; hour < 3; hour++)
        {
            ids.Add(await RecordPurchaseAsync(client, customerId, new
            {
                branch = "LON-01", currency = "EUR", occurredAt = start.AddHours(hour), lines = new[] { new { sku = "A", quantity = 1m, unitPrice = 1m + hour } },
            }));
        }

        var first = await GetJsonAsync(client, $"{PurchasesPath(customerId)}?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await GetJsonAsync(client, $"{PurchasesPath(customerId)}?limit=2&cursor={cursor}");

        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(1, first.GetProperty("items")[0].GetProperty("lineCount").GetInt32());
        Assert.Equal(3m, first.GetProperty("items")[0].GetProperty("amount").GetDecimal());
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.True(IsLastPage(second));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=lots", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task ListPurchases_WithBadLimitOrCursor_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.GetAsync($"{PurchasesPath(customerId)}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task PurchasesOfAnotherBusinessesCustomer_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        var purchaseId = await RecordPurchaseAsync(owner, customerId, new { branch = "LON-01", amount = 5m, currency = "EUR" });

        using var list = await stranger.GetAsync(PurchasesPath(customerId));
        using var one = await stranger.GetAsync($"{PurchasesPath(customerId)}/{purchaseId}");

        await ProblemResponse.ReadAsync(list, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(one, HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CustomersApi.ReadJsonAsync(response);
    }
}
