using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class WebhookSubscriptionTests(WebhookServiceFixture fixture) : IClassFixture<WebhookServiceFixture>
{
    private const string Path = WebhookServiceFixture.Path;
    private static readonly string[] PointsEarned = ["loyalty.points-earned.v1"];

    [Fact]
    public async Task CreateWebhook_ValidRequest_Returns201WithSecretShownOnce()
    {
        var tenantId = Guid.NewGuid();

        using var created = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "https://1.1.1.1/hooks", eventTypes = PointsEarned });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/loyalty/webhooks/{id}", created.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("active", body.GetProperty("status").GetString());
        using var read = await fixture.SendAsync(tenantId, HttpMethod.Get, $"{Path}/{id}");
        var shown = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("secret\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(body.GetProperty("secret").GetString()!, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateWebhook_SameIdempotencyKey_ReplaysTheSubscriptionWithoutStoringItsSecret()
    {
        var tenantId = Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        var request = new { url = "https://1.1.1.1/hooks", eventTypes = PointsEarned };

        using var first = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, request, idempotencyKey: key);
        using var second = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, request, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.False(replayed.TryGetProperty("secret", out var secret) && secret.ValueKind != JsonValueKind.Null, "a replay must not show the secret");
        Assert.Equal(1, await fixture.Database.CountForTenantAsync("webhook_subscriptions", tenantId));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM idempotency_records WHERE response_body LIKE '%whsec_%'"));
    }

    [Fact]
    public async Task CreateWebhook_BadUrlUnknownEventAndBlankBranch_Returns400WithFieldErrors()
    {
        var tenantId = Guid.NewGuid();

        using var response = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "ftp://x", eventTypes = new[] { "loyalty.nope.v1" }, branch = " " });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "url"));
        Assert.Contains("loyalty.nope.v1", ProblemResponse.ErrorsFor(problem, "eventTypes")[0], StringComparison.Ordinal);
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "branch"));
    }

    [Theory]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://localhost/hooks")]
    public async Task CreateWebhook_UrlResolvingToNonPublicAddress_Returns422WithUrlError(string url)
    {
        var tenantId = Guid.NewGuid();

        using var response = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url, eventTypes = PointsEarned });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "webhook-url-refused");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "url"));
        Assert.Equal(0, await fixture.Database.CountForTenantAsync("webhook_subscriptions", tenantId));
    }

    [Fact]
    public async Task CreateWebhook_PlainHttpWithoutTheSetting_Returns422WithUrlError()
    {
        var tenantId = Guid.NewGuid();

        using var response = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "http://1.1.1.1/hooks", eventTypes = PointsEarned });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "webhook-url-refused");
        Assert.Contains("https", ProblemResponse.ErrorsFor(problem, "url")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateWebhook_LoopbackOnceTheBusinessAllowsPrivateNetworks_Returns201()
    {
        var tenantId = Guid.NewGuid();
        await fixture.AllowLoopbackAsync(tenantId);

        using var response = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "http://127.0.0.1:9/hooks", eventTypes = PointsEarned });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CreateWebhook_KeyWithOnlyLoyaltyWrite_Returns403Problem()
    {
        var tenantId = Guid.NewGuid();

        using var response = await fixture.SendAsync(
            tenantId, HttpMethod.Post, Path, new { url = "https://1.1.1.1/hooks", eventTypes = PointsEarned }, scopes: ["loyalty:write"]);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CreateWebhook_BranchRestrictedKeyForAllBranchesOrAnother_Returns403ButItsOwnBranch201()
    {
        var tenantId = Guid.NewGuid();

        using var allBranches = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "https://1.1.1.1/a", eventTypes = PointsEarned }, branch: "north");
        using var other = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "https://1.1.1.1/b", eventTypes = PointsEarned, branch = "south" }, branch: "north");
        using var own = await fixture.SendAsync(tenantId, HttpMethod.Post, Path, new { url = "https://1.1.1.1/c", eventTypes = PointsEarned, branch = "north" }, branch: "north");
        using var settings = await fixture.SendAsync(tenantId, HttpMethod.Put, Path + "/settings", new { allowPrivateNetworks = true }, branch: "north");

        await ProblemResponse.ReadAsync(allBranches, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await ProblemResponse.ReadAsync(settings, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetWebhook_AnotherTenantsId_Returns404()
    {
        var owner = Guid.NewGuid();
        var (id, _) = await fixture.SubscribeAsync(owner, "https://1.1.1.1/hooks");

        using var read = await fixture.SendAsync(Guid.NewGuid(), HttpMethod.Get, $"{Path}/{id}");
        using var deliveries = await fixture.SendAsync(Guid.NewGuid(), HttpMethod.Get, $"{Path}/{id}/deliveries");
        using var rotate = await fixture.SendAsync(Guid.NewGuid(), HttpMethod.Post, $"{Path}/{id}/secret");

        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(deliveries, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(rotate, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task UpdateWebhook_WithoutIfMatch_Returns428_WithCurrentETag_Returns200AndDisables()
    {
        var tenantId = Guid.NewGuid();
        var (id, _) = await fixture.SubscribeAsync(tenantId, "https://1.1.1.1/hooks");
        using var read = await fixture.SendAsync(tenantId, HttpMethod.Get, $"{Path}/{id}");
        var etag = read.Headers.ETag!.ToString();
        var change = new { url = "https://1.0.0.1/hooks", eventTypes = PointsEarned, status = "disabled", disabledReason = "Maintenance" };

        using var missing = await fixture.SendAsync(tenantId, HttpMethod.Put, $"{Path}/{id}", change);
        using var updated = await fixture.SendAsync(tenantId, HttpMethod.Put, $"{Path}/{id}", change, ifMatch: etag);
        using var stale = await fixture.SendAsync(tenantId, HttpMethod.Put, $"{Path}/{id}", change, ifMatch: etag);

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disabled", body.GetProperty("status").GetString());
        Assert.Equal("Maintenance", body.GetProperty("disabledReason").GetString());
        Assert.Equal("https://1.0.0.1/hooks", body.GetProperty("url").GetString());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task DeleteWebhook_Returns204_ThenGetReturns404()
    {
        var tenantId = Guid.NewGuid();
        var (id, _) = await fixture.SubscribeAsync(tenantId, "https://1.1.1.1/hooks");

        using var deleted = await fixture.SendAsync(tenantId, HttpMethod.Delete, $"{Path}/{id}");
        using var read = await fixture.SendAsync(tenantId, HttpMethod.Get, $"{Path}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ListWebhooks_PagesWithCursor_OnlyTheTenantsOwn()
    {
        var tenantId = Guid.NewGuid();
        var (first, _) = await fixture.SubscribeAsync(tenantId, "https://1.1.1.1/a");
        var (second, _) = await fixture.SubscribeAsync(tenantId, "https://1.1.1.1/b");
        await fixture.SubscribeAsync(Guid.NewGuid(), "https://1.1.1.1/other");

        using var page1 = await fixture.SendAsync(tenantId, HttpMethod.Get, $"{Path}?limit=1");
        var body1 = await page1.Content.ReadFromJsonAsync<JsonElement>();
        using var page2 = await fixture.SendAsync(tenantId, HttpMethod.Get, $"{Path}?limit=1&cursor={body1.GetProperty("nextCursor").GetString()}");
        var body2 = await page2.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(first, Assert.Single(body1.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(second, Assert.Single(body2.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.False(body2.TryGetProperty("nextCursor", out var last) && last.ValueKind != JsonValueKind.Null, "the last page has no next cursor");
    }

    [Fact]
    public async Task ListWebhookEventTypes_NamesEveryPublicLoyaltyEvent()
    {
        using var response = await fixture.SendAsync(Guid.NewGuid(), HttpMethod.Get, Path + "/event-types");

        var names = await response.Content.ReadFromJsonAsync<string[]>();
        Assert.Contains("loyalty.points-earned.v1", names!);
        Assert.Contains("loyalty.account-opened.v1", names!);
    }
}
