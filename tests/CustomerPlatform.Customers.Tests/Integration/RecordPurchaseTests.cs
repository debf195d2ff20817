using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RecordPurchaseTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RecordPurchase_ForKnownCustomer_Returns201AndPublishesPurchaseRecorded()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.purchase-recorded.v1");
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-1);

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(customerId),
            new { branch = "LON-01", amount = 42.1250m, currency = "eur", occurredAt });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var purchaseId = body.GetProperty("id").GetGuid();
        Assert.Equal($"{PurchasesPath(customerId)}/{purchaseId}", response.Headers.Location?.OriginalString);
        Assert.Equal(customerId, body.GetProperty("customerId").GetGuid());
        Assert.Equal(42.125m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("purchaseId") == purchaseId,
            $"PurchaseRecorded for {purchaseId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("LON-01", observed.GetString("branch"));
        // MassTransit writes decimals as JSON strings, so no consumer loses precision to a double.
        Assert.Equal(JsonValueKind.String, observed.Message.GetProperty("amount").ValueKind);
        Assert.Equal(42.125m, decimal.Parse(observed.GetString("amount")!, CultureInfo.InvariantCulture));
        Assert.Equal("EUR", observed.GetString("currency"));
        Assert.Equal(occurredAt, observed.Message.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetPurchase_AfterRecording_Returns200WithIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        using var created = await client.PostAsJsonAsync(PurchasesPath(customerId), new { branch = "LON-01", amount = 9.99m, currency = "GBP" });

        using var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal(9.99m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("GBP", body.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task RecordPurchase_ForUnknownCustomer_Returns404AndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(Guid.NewGuid()),
            new { branch = "LON-01", amount = 10m, currency = "EUR" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task RecordPurchase_ForAnotherTenantsCustomer_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var strangerTenant = Guid.NewGuid();
        using var stranger = fixture.Service.CreateTenantClient(strangerTenant);
        var customerId = await CustomersApi.RegisterAsync(owner);

        using var response = await stranger.PostAsJsonAsync(
            PurchasesPath(customerId),
            new { branch = "LON-01", amount = 10m, currency = "EUR" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchases", strangerTenant));
    }

    [Theory]
    [InlineData("0", "EUR", "amount")]
    [InlineData("-5", "EUR", "amount")]
    [InlineData("10", "EURO", "currency")]
    [InlineData("10", "E1R", "currency")]
    public async Task RecordPurchase_WithInvalidAmountOrCurrency_Returns400NamingTheField(string amount, string currency, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(customerId),
            new { branch = "LON-01", amount = decimal.Parse(amount, CultureInfo.InvariantCulture), currency });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("purchases", tenantId));
    }

    [Fact]
    public async Task RecordPurchase_WithMoreThanFourDecimals_Returns422InvalidAmount()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(customerId),
            new { branch = "LON-01", amount = 1.23456m, currency = "EUR" });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "invalid-amount");
    }

    [Fact]
    public async Task RecordPurchase_InTheFuture_Returns422PurchaseInFuture()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(
            PurchasesPath(customerId),
            new { branch = "LON-01", amount = 10m, currency = "EUR", occurredAt = DateTimeOffset.UtcNow.AddDays(1) });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "purchase-in-future");
    }

    private static string PurchasesPath(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/purchases";
}
