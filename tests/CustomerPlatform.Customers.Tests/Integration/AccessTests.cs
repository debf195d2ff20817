using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>Scopes and branch restrictions, from the internal token alone.</summary>
[Trait("Category", "Integration")]
public sealed class AccessTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task GetCustomer_TokenWithReadScope_Returns200()
    {
        var (tenantId, customerId) = await RegisterAsync();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, $"{CustomersApi.CustomersPath}/{customerId}", InternalTokens.For(tenantId, ["customers:read"], branch: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetCustomer_TokenWithOnlyWriteScope_Returns403Problem()
    {
        var (tenantId, customerId) = await RegisterAsync();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, $"{CustomersApi.CustomersPath}/{customerId}", InternalTokens.For(tenantId, ["customers:write", "loyalty:read"], branch: null));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task RegisterCustomer_TokenWithOnlyReadScope_Returns403ProblemAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, CustomersApi.CustomersPath, InternalTokens.For(tenantId, ["customers:read"], branch: null), new { displayName = "Read Only" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }

    [Fact]
    public async Task RegisterCustomer_TokenWithoutScopesButInvalidBody_Returns403NotValidationProblem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, CustomersApi.CustomersPath, InternalTokens.For(Guid.NewGuid(), [], branch: null), new { emails = new[] { "not-an-email" } });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetCustomer_BranchKeyReadingOtherBranchesCustomer_Returns200()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var registered = await owner.SendWithTokenAsync(
            HttpMethod.Post, CustomersApi.CustomersPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, branch: null),
            new { displayName = "North Customer", homeBranch = "north" });
        var customerId = (await CustomersApi.ReadJsonAsync(registered)).GetProperty("id").GetGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, $"{CustomersApi.CustomersPath}/{customerId}", InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RecordPurchase_BranchKeyForOtherBranch_Returns403ProblemAndStoresNothing()
    {
        var (tenantId, customerId) = await RegisterAsync();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, $"{CustomersApi.CustomersPath}/{customerId}/purchases", InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            new { branch = "north", amount = 10m, currency = "EUR" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM purchases WHERE customer_id = @customer", ("customer", customerId)));
    }

    [Fact]
    public async Task RecordPurchase_BranchKeyForOwnBranch_Returns201()
    {
        var (tenantId, customerId) = await RegisterAsync();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, $"{CustomersApi.CustomersPath}/{customerId}/purchases", InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            new { branch = "south", amount = 10m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RegisterCustomer_BranchKeyWithOtherHomeBranch_Returns403Problem()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, CustomersApi.CustomersPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            new { displayName = "Elsewhere", homeBranch = "north" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }

    [Fact]
    public async Task RegisterCustomer_BranchKeyWithOwnHomeBranch_Returns201()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, CustomersApi.CustomersPath, InternalTokens.For(Guid.NewGuid(), InternalTokens.AllScopes, "south"),
            new { displayName = "Local", homeBranch = "south" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<(Guid TenantId, Guid CustomerId)> RegisterAsync()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        return (tenantId, await CustomersApi.RegisterAsync(owner));
    }
}
