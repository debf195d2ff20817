using System.Net;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>Per-key rate limits, the request body limit and the security headers.</summary>
[Trait("Category", "Integration")]
public sealed class LimitsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string CustomerPath = "/api/v1/customers/42";
    private const int MaxBodyBytes = 1024 * 1024;

    [Fact]
    public async Task Proxy_KeyOverItsBusinessesLimit_Returns429ProblemWithRetryAfter()
    {
        var business = await fixture.CreateBusinessAsync();
        LimitBusiness(business.BusinessId, permitsPerSecond: 1, burst: 3);
        using var client = fixture.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await client.SendAsync(HttpMethod.Get, CustomerPath, business.ApiKey.Key));
        }

        Assert.All(responses.Take(3), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var limited = responses.FirstOrDefault(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited);
        await ProblemResponse.ReadAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        responses.ForEach(response => response.Dispose());
    }

    [Fact]
    public async Task Proxy_OneKeyOverItsLimit_OtherKeysOfTheBusinessStillPass()
    {
        var business = await fixture.CreateBusinessAsync();
        LimitBusiness(business.BusinessId, permitsPerSecond: 1, burst: 1);
        using var client = fixture.CreateClient();
        var other = (await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read" } }))
            .GetProperty("key").GetString()!;

        // The create above spent the owner key's only permit.
        using var limited = await client.SendAsync(HttpMethod.Get, CustomerPath, business.ApiKey.Key);
        using var passed = await client.SendAsync(HttpMethod.Get, CustomerPath, other);

        await ProblemResponse.ReadAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        await GatewayCalls.AssertForwardedAsync(passed);
    }

    [Fact]
    public async Task Proxy_BusinessWithoutOverride_GetsTheDefaultBurst()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, CustomerPath, business.ApiKey.Key);
            await GatewayCalls.AssertForwardedAsync(response);
        }
    }

    [Fact]
    public async Task Proxy_BodyOverOneMebibyte_Returns413ProblemBeforeForwarding()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new ByteArrayContent(new byte[MaxBodyBytes + 1]) };
        request.Headers.Authorization = new("Bearer", business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Proxy_BodyOfExactlyOneMebibyte_IsForwarded()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new ByteArrayContent(new byte[MaxBodyBytes]) };
        request.Headers.Authorization = new("Bearer", business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await GatewayCalls.AssertForwardedAsync(response);
    }

    [Fact]
    public async Task Proxy_UriOverTheLimit_Returns414ProblemBeforeForwarding()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/customers/42?q=" + new string('q', 8000), business.ApiKey.Key);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.RequestUriTooLong, "http-414");
    }

    [Fact]
    public async Task Proxy_UriJustWithinTheLimit_IsForwarded()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        const string prefix = "/api/v1/customers/42?q=";

        using var response = await client.SendAsync(HttpMethod.Get, prefix + new string('q', 8000 - prefix.Length), business.ApiKey.Key);

        await GatewayCalls.AssertForwardedAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/customers/42", true)]
    [InlineData("/api/v1/keys", true)]
    [InlineData("/health", false)]
    public async Task Gateway_AnyResponse_CarriesSecurityHeaders(string path, bool withKey)
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, path, withKey ? business.ApiKey.Key : null);

        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        AssertSecurityHeaders(response, isApi: withKey);
    }

    [Fact]
    public async Task Gateway_UnauthorizedProblem_CarriesSecurityHeaders()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, CustomerPath, key: null);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        AssertSecurityHeaders(response, isApi: true);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, bool isApi)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        if (isApi)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'");
        }
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    // Limits are read when a key's bucket is made, i.e. on its first request: setting them first is enough.
    private void LimitBusiness(Guid businessId, int permitsPerSecond, int burst)
    {
        var configuration = fixture.Gateway.Services.GetRequiredService<IConfiguration>();
        configuration[$"RateLimits:Businesses:{businessId}:PermitsPerSecond"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration[$"RateLimits:Businesses:{businessId}:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
