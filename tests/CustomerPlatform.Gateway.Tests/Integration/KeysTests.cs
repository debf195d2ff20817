using System.Net;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class KeysTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string CustomerPath = "/api/v1/customers/42";

    [Fact]
    public async Task CreateKey_WithOwnerKey_Returns201AndTheSecretWorksWithItsScopesAndBranch()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);

        var created = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till 3", scopes = new[] { "customers:read" }, branch = "south", expiresAt });

        var secret = created.GetProperty("key").GetString()!;
        Assert.StartsWith("cpk_", secret, StringComparison.Ordinal);
        Assert.Equal("Till 3", created.GetProperty("name").GetString());
        Assert.Equal("south", created.GetProperty("branch").GetString());
        using var response = await client.SendAsync(HttpMethod.Get, CustomerPath, secret);
        var echoed = await GatewayCalls.AssertForwardedAsync(response);
        var token = new JsonWebToken(echoed.Authorization!["Bearer ".Length..]);
        Assert.Equal(business.BusinessId.ToString(), token.GetClaim(InternalToken.TenantClaim).Value);
        Assert.Equal(created.GetProperty("id").GetString(), token.GetClaim(InternalToken.KeyIdClaim).Value);
        Assert.Equal(["customers:read"], token.Claims.Where(claim => claim.Type == InternalToken.ScopeClaim).Select(claim => claim.Value));
        Assert.Equal("south", token.GetClaim(InternalToken.BranchClaim).Value);
    }

    [Fact]
    public async Task CreateKey_UnknownScope_Returns400WithScopesError()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, GatewayCalls.KeysPath, business.ApiKey.Key,
            new { name = "Bad", scopes = new[] { "customers:read", "customers:delete" } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("customers:delete", ProblemResponse.ErrorsFor(problem, "scopes")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_ExpiryInThePast_Returns400WithExpiresAtError()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, GatewayCalls.KeysPath, business.ApiKey.Key,
            new { name = "Old", scopes = new[] { "customers:read" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "expiresAt");
    }

    [Fact]
    public async Task CreateKey_WithoutKey_Returns401Problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, GatewayCalls.KeysPath, key: null, new { name = "x", scopes = new[] { "customers:read" } });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task CreateKey_KeyWithoutKeysManage_Returns403Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var limited = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Staff", scopes = new[] { "customers:read", "customers:write" } });

        using var response = await client.SendAsync(HttpMethod.Post, GatewayCalls.KeysPath, limited.GetProperty("key").GetString(),
            new { name = "Escalated", scopes = new[] { "keys:manage" } });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CreateKey_ScopeTheCallerLacks_Returns403Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var manager = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Manager", scopes = new[] { "keys:manage", "customers:read" } });

        using var response = await client.SendAsync(HttpMethod.Post, GatewayCalls.KeysPath, manager.GetProperty("key").GetString(),
            new { name = "Writer", scopes = new[] { "customers:write" } });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ListKeys_OwnerKey_ListsOwnKeysWithoutSecretsWithLastUse()
    {
        var business = await fixture.CreateBusinessAsync();
        var other = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var created = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read" } });
        var secret = created.GetProperty("key").GetString()!;
        using (var used = await client.SendAsync(HttpMethod.Get, CustomerPath, secret))
        {
            await GatewayCalls.AssertForwardedAsync(used);
        }

        using var response = await client.SendAsync(HttpMethod.Get, GatewayCalls.KeysPath, business.ApiKey.Key);

        var body = await response.Content.ReadAsStringAsync();
        var items = (await GatewayCalls.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([business.ApiKey.Id, created.GetProperty("id").GetGuid()], items.Select(item => item.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(business.ApiKey.Key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ApiKey.Id.ToString(), body, StringComparison.Ordinal);
        Assert.All(items, item => Assert.False(item.TryGetProperty("key", out _)));
        Assert.Equal(JsonValueKind.String, items[1].GetProperty("lastUsedAt").ValueKind);
        Assert.False(items[1].TryGetProperty("revokedAt", out var revokedAt) && revokedAt.ValueKind != JsonValueKind.Null, "the key is not revoked");
    }

    [Fact]
    public async Task RevokeKey_KeyUsedJustBefore_StopsWorkingAtOnce()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var created = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read" } });
        var secret = created.GetProperty("key").GetString()!;
        using (var used = await client.SendAsync(HttpMethod.Get, CustomerPath, secret))
        {
            await GatewayCalls.AssertForwardedAsync(used);
        }

        using var revoked = await client.SendAsync(HttpMethod.Delete, $"{GatewayCalls.KeysPath}/{created.GetProperty("id").GetGuid()}", business.ApiKey.Key);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var after = await client.SendAsync(HttpMethod.Get, CustomerPath, secret);
        await ProblemResponse.ReadAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
        using var listed = await client.SendAsync(HttpMethod.Get, $"{GatewayCalls.KeysPath}/{created.GetProperty("id").GetGuid()}", business.ApiKey.Key);
        Assert.Equal(JsonValueKind.String, (await GatewayCalls.ReadJsonAsync(listed, HttpStatusCode.OK)).GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task RevokeKey_AnotherBusinessesKey_Returns404AndTheKeyKeepsWorking()
    {
        var business = await fixture.CreateBusinessAsync();
        var victim = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Delete, $"{GatewayCalls.KeysPath}/{victim.ApiKey.Id}", business.ApiKey.Key);
        using var read = await client.SendAsync(HttpMethod.Get, $"{GatewayCalls.KeysPath}/{victim.ApiKey.Id}", business.ApiKey.Key);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        using var used = await client.SendAsync(HttpMethod.Get, CustomerPath, victim.ApiKey.Key);
        await GatewayCalls.AssertForwardedAsync(used);
    }

    [Fact]
    public async Task RotateKey_InUse_NewSecretWorksWithSameScopesAndOldStops()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var created = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read", "feedback:write" }, branch = "north" });
        var oldSecret = created.GetProperty("key").GetString()!;
        using (var used = await client.SendAsync(HttpMethod.Get, CustomerPath, oldSecret))
        {
            await GatewayCalls.AssertForwardedAsync(used);
        }

        using var response = await client.SendAsync(HttpMethod.Post, $"{GatewayCalls.KeysPath}/{created.GetProperty("id").GetGuid()}/rotate", business.ApiKey.Key);

        var rotated = await GatewayCalls.ReadJsonAsync(response, HttpStatusCode.Created);
        Assert.NotEqual(created.GetProperty("id").GetGuid(), rotated.GetProperty("id").GetGuid());
        Assert.Equal("Till", rotated.GetProperty("name").GetString());
        Assert.Equal("north", rotated.GetProperty("branch").GetString());
        Assert.Equal(["customers:read", "feedback:write"], rotated.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        using var withOld = await client.SendAsync(HttpMethod.Get, CustomerPath, oldSecret);
        await ProblemResponse.ReadAsync(withOld, HttpStatusCode.Unauthorized, "unauthorized");
        using var withNew = await client.SendAsync(HttpMethod.Get, CustomerPath, rotated.GetProperty("key").GetString());
        await GatewayCalls.AssertForwardedAsync(withNew);
    }

    [Fact]
    public async Task RotateKey_RevokedKey_Returns409Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        var created = await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read" } });
        var path = $"{GatewayCalls.KeysPath}/{created.GetProperty("id").GetGuid()}";
        using (var revoked = await client.SendAsync(HttpMethod.Delete, path, business.ApiKey.Key))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var response = await client.SendAsync(HttpMethod.Post, $"{path}/rotate", business.ApiKey.Key);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "key-not-active");
    }
}
