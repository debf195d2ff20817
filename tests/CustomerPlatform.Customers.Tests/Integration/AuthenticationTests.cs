using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AuthenticationTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    private static readonly SymmetricSecurityKey PlatformKey = new(Encoding.UTF8.GetBytes(TestInfrastructure.SigningKey));
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("a-different-signing-key-of-at-least-32-bytes"));

    [Fact]
    public async Task GetCustomer_WithoutToken_Returns401Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{Guid.NewGuid()}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task RegisterCustomer_WithoutToken_Returns401AndStoresNothing()
    {
        using var client = fixture.Service.CreateClient();
        var displayName = $"Anonymous {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE display_name = @name", ("name", displayName)));
    }

    [Fact]
    public async Task GetCustomer_WithTokenSignedByAnotherKey_Returns401Problem()
    {
        var tenantId = Guid.NewGuid();
        var customerId = await RegisterAsync(tenantId);
        using var client = fixture.Service.CreateClient();
        var token = InternalToken.Create(OtherKey, Caller(tenantId), DateTimeOffset.UtcNow);

        using var response = await SendAsync(client, token, $"{CustomersApi.CustomersPath}/{customerId}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetCustomer_WithExpiredToken_Returns401Problem()
    {
        var tenantId = Guid.NewGuid();
        var customerId = await RegisterAsync(tenantId);
        using var client = fixture.Service.CreateClient();
        var issuedAt = DateTimeOffset.UtcNow - InternalToken.Lifetime - TimeSpan.FromSeconds(30);
        var token = InternalToken.Create(PlatformKey, Caller(tenantId), issuedAt);

        using var response = await SendAsync(client, token, $"{CustomersApi.CustomersPath}/{customerId}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetCustomer_WithFreshTokenSignedByPlatformKey_Returns200()
    {
        var tenantId = Guid.NewGuid();
        var customerId = await RegisterAsync(tenantId);
        using var client = fixture.Service.CreateClient();
        var token = InternalToken.Create(PlatformKey, Caller(tenantId), DateTimeOffset.UtcNow);

        using var response = await SendAsync(client, token, $"{CustomersApi.CustomersPath}/{customerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid> RegisterAsync(Guid tenantId)
    {
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        return await CustomersApi.RegisterAsync(owner);
    }

    private static InternalCaller Caller(Guid tenantId) => new(tenantId, Guid.NewGuid(), [.. InternalTokens.AllScopes]);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
