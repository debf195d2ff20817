using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Features.Audit;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AuditTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string AuditPath = "/api/v1/audit";

    [Fact]
    public async Task Audit_AfterProxiedWrite_RecordsKeyMethodPathTargetStatusCorrelationIdAndTime()
    {
        var business = await fixture.CreateBusinessAsync();
        var customerId = Guid.NewGuid();
        var path = $"/api/v1/customers/{customerId}/purchases";
        var before = DateTimeOffset.UtcNow;

        using var response = await SendAsync(business, HttpMethod.Post, path + "?note=kept-out-of-the-trail", request =>
            request.Headers.Add("X-Correlation-Id", "audit-correlation-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await WaitForEntriesAsync(business, 1));
        Assert.Equal(business.ApiKey.Id, entry.KeyId);
        Assert.Null(entry.Branch);
        Assert.Equal("POST", entry.Method);
        Assert.Equal(path, entry.Route);
        Assert.Equal(customerId, entry.TargetId);
        Assert.Equal(200, entry.Status);
        Assert.Equal("audit-correlation-1", entry.CorrelationId);
        Assert.InRange(entry.OccurredAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Audit_AfterCreate_TargetIsTheIdInLocation()
    {
        var business = await fixture.CreateBusinessAsync();
        var createdId = Guid.NewGuid();

        using var response = await SendAsync(business, HttpMethod.Post, "/api/v1/customers", request =>
        {
            request.Headers.Add(EchoUpstream.StatusHeader, "201");
            request.Headers.Add(EchoUpstream.LocationHeader, $"/api/v1/customers/{createdId}");
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(await WaitForEntriesAsync(business, 1));
        Assert.Equal(createdId, entry.TargetId);
        Assert.Equal(201, entry.Status);
    }

    [Fact]
    public async Task Audit_AfterGatewayLocalCreate_RecordsTheNewResource()
    {
        var business = await fixture.CreateBusinessAsync();

        var key = await CreateKeyAsync(business, [Scopes.CustomersRead], branch: null);

        var entry = Assert.Single(await WaitForEntriesAsync(business, 1));
        Assert.Equal(business.ApiKey.Id, entry.KeyId);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/v1/keys", entry.Route);
        Assert.Equal(key.Id, entry.TargetId);
        Assert.Equal(201, entry.Status);
    }

    [Fact]
    public async Task Audit_WriteWithBranchRestrictedKey_RecordsThatKeyAndBranch()
    {
        var business = await fixture.CreateBusinessAsync();
        var till = await CreateKeyAsync(business, [Scopes.CustomersWrite], branch: "central");
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Post, "/api/v1/customers", till.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await WaitForEntriesAsync(business, 2);
        var entry = entries.Single(entry => entry.KeyId == till.Id);
        Assert.Equal("central", entry.Branch);
        Assert.Equal("/api/v1/customers", entry.Route);
    }

    [Fact]
    public async Task Audit_WithKeyLackingKeysManage_Returns403Problem()
    {
        var business = await fixture.CreateBusinessAsync();
        var reader = await CreateKeyAsync(business, [Scopes.CustomersRead], branch: null);
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, AuditPath, reader.Key);

        using var response = await client.SendAsync(request);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Audit_ReadsBeforeAWrite_AreNotRecorded()
    {
        var business = await fixture.CreateBusinessAsync();
        var customerId = Guid.NewGuid();

        using (var read = await SendAsync(business, HttpMethod.Get, $"/api/v1/customers/{customerId}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var write = await SendAsync(business, HttpMethod.Delete, $"/api/v1/customers/{customerId}");

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        var entry = Assert.Single(await WaitForEntriesAsync(business, 1));
        Assert.Equal("DELETE", entry.Method);
    }

    [Fact]
    public async Task Audit_OfAnotherBusiness_IsNotListed()
    {
        var business = await fixture.CreateBusinessAsync();
        var other = await fixture.CreateBusinessAsync();
        using (var write = await SendAsync(business, HttpMethod.Put, $"/api/v1/customers/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        await WaitForEntriesAsync(business, 1);

        var page = await ListAsync(other);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Audit_PagedWithCursor_ListsEveryEntryOnceNewestFirst()
    {
        var business = await fixture.CreateBusinessAsync();
        var targets = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            targets.Add(Guid.NewGuid());
            using var write = await SendAsync(business, HttpMethod.Patch, $"/api/v1/feedback/{targets[^1]}");
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        await WaitForEntriesAsync(business, 5);

        var pages = new List<AuditPage> { await ListAsync(business, "?limit=2") };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Add(await ListAsync(business, $"?limit=2&cursor={Uri.EscapeDataString(cursor)}"));
        }

        Assert.Equal([2, 2, 1], pages.Select(page => page.Items.Count));
        var listed = pages.SelectMany(page => page.Items).ToList();
        Assert.Equal(Enumerable.Reverse(targets).Cast<Guid?>(), listed.Select(entry => entry.TargetId));
        Assert.Equal(listed.OrderByDescending(entry => entry.OccurredAt).ThenByDescending(entry => entry.Id), listed);
    }

    [Fact]
    public async Task Audit_FilteredByMethodAndStatus_ListsOnlyMatchingEntries()
    {
        var business = await fixture.CreateBusinessAsync();
        var missing = Guid.NewGuid();
        foreach (var (method, status) in new[] { (HttpMethod.Post, "200"), (HttpMethod.Delete, "200"), (HttpMethod.Delete, "404") })
        {
            var target = method == HttpMethod.Delete && status == "404" ? missing : Guid.NewGuid();
            using var write = await SendAsync(business, method, $"/api/v1/loyalty/accounts/{target}", request =>
                request.Headers.Add(EchoUpstream.StatusHeader, status));
            Assert.Equal(status, ((int)write.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await WaitForEntriesAsync(business, 3);

        var page = await ListAsync(business, "?method=delete&status=404");

        var entry = Assert.Single(page.Items);
        Assert.Equal(missing, entry.TargetId);
        Assert.Equal(404, entry.Status);
    }

    [Fact]
    public async Task Audit_FilteredByTime_ListsEntriesFromInclusiveToExclusive()
    {
        var business = await fixture.CreateBusinessAsync();
        using (var write = await SendAsync(business, HttpMethod.Post, "/api/v1/feedback"))
        {
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        var entry = Assert.Single(await WaitForEntriesAsync(business, 1));
        // An offset other than UTC on purpose: the handler must convert it.
        var at = Uri.EscapeDataString(entry.OccurredAt.ToOffset(TimeSpan.FromHours(2)).ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var from = await ListAsync(business, $"?from={at}");
        var to = await ListAsync(business, $"?to={at}");

        Assert.Equal(entry.Id, Assert.Single(from.Items).Id);
        Assert.Empty(to.Items);
    }

    [Fact]
    public async Task Audit_WithLimitAboveMaximum_ReturnsAtMost200AndACursor()
    {
        var business = await fixture.CreateBusinessAsync();
        var trail = fixture.Gateway.Services.GetRequiredService<AuditTrail>();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < ListAuditEntries.MaxLimit + 1; i++)
        {
            Assert.True(trail.Record(AuditEntry.Record(
                business.BusinessId, business.ApiKey.Id, null, "POST", "/api/v1/customers", null, 200, null, start.AddMilliseconds(i))));
        }

        await WaitForEntriesAsync(business, ListAuditEntries.MaxLimit + 1);

        var first = await ListAsync(business, "?limit=1000");
        var rest = await ListAsync(business, $"?limit=1000&cursor={Uri.EscapeDataString(first.NextCursor!)}");

        Assert.Equal(ListAuditEntries.MaxLimit, first.Items.Count);
        Assert.Single(rest.Items);
        Assert.Null(rest.NextCursor);
    }

    [Theory]
    [InlineData("?cursor=not-a-cursor")]
    [InlineData("?cursor=__________8AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("?limit=0")]
    [InlineData("?from=yesterday")]
    public async Task Audit_WithBadQuery_Returns400Problem(string query)
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, AuditPath + query, business.ApiKey.Key);

        using var response = await client.SendAsync(request);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Audit_WithoutKey_Returns401Problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri(AuditPath, UriKind.Relative));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Audit_OnShutdownWithEntriesStillGathering_WritesThemBeforeTheGatewayStops()
    {
        var business = await fixture.CreateBusinessAsync();
        // Nothing is written before a batch fills or the gateway stops, so only the shutdown flush can write these.
        var settings = new Dictionary<string, string?>(fixture.Settings) { [AuditWriter.FlushIntervalConfigKey] = "01:00:00" };
        await using (var gateway = new ServiceFactory<Program>(settings))
        {
            using var client = gateway.CreateClient();
            for (var i = 0; i < 3; i++)
            {
                using var request = KeyRequest(HttpMethod.Post, "/api/v1/customers", business.ApiKey.Key);
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var page = await ListAsync(business);

        Assert.Equal(3, page.Items.Count);
    }

    private async Task<HttpResponseMessage> SendAsync(
        CreatedBusiness business, HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var client = fixture.CreateClient();
        using var request = KeyRequest(method, path, business.ApiKey.Key);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = JsonContent.Create(new { secret = "request bodies are never audited" });
        }

        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    private async Task<IssuedKey> CreateKeyAsync(CreatedBusiness business, string[] scopes, string? branch)
    {
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Post, "/api/v1/keys", business.ApiKey.Key);
        request.Content = JsonContent.Create(new { name = "Till", scopes, branch });
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedKey>())!;
    }

    private async Task<AuditPage> ListAsync(CreatedBusiness business, string query = "")
    {
        using var client = fixture.CreateClient();
        using var request = KeyRequest(HttpMethod.Get, AuditPath + query, business.ApiKey.Key);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuditPage>())!;
    }

    private async Task<IReadOnlyList<AuditItem>> WaitForEntriesAsync(CreatedBusiness business, int count) =>
        await Eventually.GetAsync(
            async () =>
            {
                var page = await ListAsync(business, $"?limit={ListAuditEntries.MaxLimit}");
                return page.Items.Count + (page.NextCursor is null ? 0 : 1) >= count ? page.Items : null;
            },
            $"{count} audit entries should be written");

    private static HttpRequestMessage KeyRequest(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
