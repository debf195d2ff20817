using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class GetAccountTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    [Fact]
    public async Task GetAccount_UnknownCustomer_Returns404Problem()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(LoyaltyServiceFixture.AccountPath(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:not-found", problem.GetProperty("type").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetAccount_OtherTenantsCustomer_Returns404()
    {
        var ownerTenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(ownerTenantId, customerId);
        using var owner = fixture.Service.CreateTenantClient(ownerTenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var ownerResponse = await owner.GetAsync(LoyaltyServiceFixture.AccountPath(customerId));
        using var strangerResponse = await stranger.GetAsync(LoyaltyServiceFixture.AccountPath(customerId));

        Assert.Equal(HttpStatusCode.OK, ownerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerResponse.StatusCode);
        Assert.Equal("application/problem+json", strangerResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetAccount_WithoutToken_Returns401Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.GetAsync(LoyaltyServiceFixture.AccountPath(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:unauthorized", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetAccount_WithTokenSignedByAnotherKey_Returns401()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var foreignKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-the-platform-signing-key-but-long-enough"));
        var forged = InternalToken.Create(foreignKey, new InternalCaller(tenantId, Guid.NewGuid(), InternalTokens.AllScopes), DateTimeOffset.UtcNow);
        using var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.GetAsync(LoyaltyServiceFixture.AccountPath(customerId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Migrations_AppliedToFreshDatabase_CoverTheModel()
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Empty(pending);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration covers");
    }
}
