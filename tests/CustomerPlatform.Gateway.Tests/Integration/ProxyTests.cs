using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ProxyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string LoyaltyPath = "/api/v1/loyalty/accounts/0b7e8a52-4c4e-4f0e-9a43-3c3a1b1f2d11?limit=5";

    [Theory]
    [InlineData("/api/v1/customers/42")]
    [InlineData("/api/v1/feedback")]
    [InlineData(LoyaltyPath)]
    public async Task Proxy_WithKey_ForwardsThePathUnchanged(string path)
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, path, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        var echoed = await AssertForwardedAsync(response);
        Assert.Equal("GET", echoed.Method);
        Assert.Equal(path, echoed.PathAndQuery);
    }

    [Fact]
    public async Task Proxy_WithKey_ReplacesTheKeyWithAnInternalTokenForTheBusiness()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        var echoed = await AssertForwardedAsync(response);
        Assert.DoesNotContain(business.ApiKey.Key, echoed.Authorization ?? "", StringComparison.Ordinal);
        var token = await ValidateInternalTokenAsync(echoed.Authorization);
        Assert.Equal(business.BusinessId.ToString(), token.FindFirst(InternalToken.TenantClaim)?.Value);
        Assert.Equal(business.ApiKey.Id.ToString(), token.FindFirst(InternalToken.KeyIdClaim)?.Value);
        Assert.Equal(
            Scopes.All.Order(StringComparer.Ordinal),
            token.FindAll(InternalToken.ScopeClaim).Select(claim => claim.Value).Order(StringComparer.Ordinal));
        Assert.Null(token.FindFirst(InternalToken.BranchClaim));
    }

    [Fact]
    public async Task Proxy_WithForgedTenantHeader_StillForwardsTheKeysTenant()
    {
        var business = await fixture.CreateBusinessAsync();
        var victim = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);
        request.Headers.Add("X-Tenant-Id", victim.BusinessId.ToString());

        using var response = await client.SendAsync(request);

        var echoed = await AssertForwardedAsync(response);
        var token = await ValidateInternalTokenAsync(echoed.Authorization);
        Assert.Equal(business.BusinessId.ToString(), token.FindFirst(InternalToken.TenantClaim)?.Value);
    }

    [Fact]
    public async Task Proxy_WithValidlySignedInternalTokenInsteadOfKey_Returns401()
    {
        var victim = await fixture.CreateBusinessAsync();
        var forged = InternalTokens.For(victim.BusinessId, [.. Scopes.AllServiceScopes]);
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, LoyaltyPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithoutKey_Returns401ProblemWithChallenge()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri(LoyaltyPath, UriKind.Relative));

        await AssertUnauthorizedProblemAsync(response);
    }

    [Theory]
    [InlineData("Bearer", "not-a-key")]
    [InlineData("Bearer", "cpk_short_c2VjcmV0")]
    [InlineData("Bearer", "cpk_0123456789abcdef_c2VjcmV0")]
    [InlineData("Basic", "dXNlcjpwYXNzd29yZA==")]
    public async Task Proxy_WithMalformedKey_Returns401ProblemWithChallenge(string scheme, string credentials)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, LoyaltyPath);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credentials);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithUnknownWellFormedKey_Returns401ProblemWithChallenge()
    {
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, "cpk_0123456789ab_bm90LWEtcmVhbC1zZWNyZXQtYnV0LXdlbGwtZm9ybWVk");

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithKnownLookupButWrongSecret_Returns401()
    {
        var business = await fixture.CreateBusinessAsync();
        var key = business.ApiKey.Key;
        var wrongSecret = key[..(key.LastIndexOf('_') + 1)] + "bm90LXRoZS1zZWNyZXQtb2YtdGhpcy1rZXktYXQtYWxs";
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, wrongSecret);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithKeyOutsideTheBearerScheme_Returns401()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, LoyaltyPath);
        request.Headers.TryAddWithoutValidation("Authorization", business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithRevokedKey_Returns401()
    {
        var business = await fixture.CreateBusinessAsync();
        await fixture.Database.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = now() WHERE id = @id", ("id", business.ApiKey.Id));
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithExpiredKey_Returns401()
    {
        var business = await fixture.CreateBusinessAsync();
        await fixture.Database.ExecuteAsync(
            "UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", business.ApiKey.Id));
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Proxy_WithKey_RecordsWhenTheKeyWasLastUsed()
    {
        var business = await fixture.CreateBusinessAsync();
        var unusedBefore = await LastUsedAtAsync(business.ApiKey.Id);
        var before = await fixture.Database.ScalarAsync<DateTime>("SELECT now()");
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await AssertForwardedAsync(response);
        var lastUsedAt = await LastUsedAtAsync(business.ApiKey.Id);
        Assert.Null(unusedBefore);
        Assert.NotNull(lastUsedAt);
        Assert.InRange(lastUsedAt.Value, before.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Proxy_WithCorrelationId_EchoesItAndForwardsIt()
    {
        var business = await fixture.CreateBusinessAsync();
        const string correlationId = "order-2026-11-22.0042";
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);
        request.Headers.Add("X-Correlation-Id", correlationId);

        using var response = await client.SendAsync(request);

        var echoed = await AssertForwardedAsync(response);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal(correlationId, echoed.CorrelationId);
    }

    [Fact]
    public async Task Proxy_WithoutCorrelationId_GeneratesOneAndForwardsIt()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var first = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);
        using var second = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);

        using var firstResponse = await client.SendAsync(first);
        using var secondResponse = await client.SendAsync(second);

        var echoed = await AssertForwardedAsync(firstResponse);
        var generated = Assert.Single(firstResponse.Headers.GetValues("X-Correlation-Id"));
        Assert.False(string.IsNullOrWhiteSpace(generated));
        Assert.Equal(generated, echoed.CorrelationId);
        Assert.NotEqual(generated, Assert.Single(secondResponse.Headers.GetValues("X-Correlation-Id")));
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("semi;colon")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g12345")]
    public async Task Proxy_WithMalformedCorrelationId_ReplacesIt(string presented)
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, LoyaltyPath, business.ApiKey.Key);
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", presented);

        using var response = await client.SendAsync(request);

        var echoed = await AssertForwardedAsync(response);
        var assigned = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.NotEqual(presented, assigned);
        Assert.False(string.IsNullOrWhiteSpace(assigned));
        Assert.Equal(assigned, echoed.CorrelationId);
    }

    [Fact]
    public async Task Proxy_WithoutKey_StillEchoesTheCorrelationId()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, LoyaltyPath);
        request.Headers.Add("X-Correlation-Id", "refused-request-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("refused-request-1", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Proxy_ToStoppedService_Returns502ProblemQuickly()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, $"/api/v1/{GatewayFixture.StoppedService}/scorecard?branch=central", business.ApiKey.Key);
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(request);

        stopwatch.Stop();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:upstream-unavailable", problem.GetProperty("type").GetString());
        Assert.Equal(502, problem.GetProperty("status").GetInt32());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"a stopped service should fail fast, took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Proxy_UnknownPrefix_Returns404Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, "/api/v1/payments/1", business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage KeyRequest(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<EchoedRequest> AssertForwardedAsync(HttpResponseMessage response)
    {
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"the gateway should forward the request, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
    }

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:unauthorized", problem.GetProperty("type").GetString());
    }

    /// <summary>Validates the forwarded Authorization as a service would, and returns the token's claims.</summary>
    private static async Task<System.Security.Claims.ClaimsIdentity> ValidateInternalTokenAsync(string? authorization)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(
            authorization["Bearer ".Length..],
            new TokenValidationParameters
            {
                ValidIssuer = InternalToken.Issuer,
                ValidAudience = InternalToken.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestInfrastructure.SigningKey)),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            });
        Assert.True(result.IsValid, $"the forwarded token should be a valid internal token: {result.Exception?.Message}");
        return result.ClaimsIdentity;
    }

    private Task<DateTime?> LastUsedAtAsync(Guid keyId) =>
        fixture.Database.ScalarAsync<DateTime?>("SELECT last_used_at FROM api_keys WHERE id = @id", ("id", keyId));
}
