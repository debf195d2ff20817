using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>The metric catalogue, and measurable standards: validation against it, versions, retirement, idempotent creation.</summary>
[Trait("Category", "Integration")]
public sealed class ServiceStandardsApiTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    private const string StandardsPath = "/api/v1/standards/service-standards";
    private const string ClauseKey = "recommend-us";

    [Fact]
    public async Task ListMetrics_ReturnsTheCatalogueWithUnitsComparatorsAndRanges()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri("/api/v1/standards/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .ToDictionary(item => item.GetProperty("code").GetString()!);
        Assert.Equal(
            ["ces", "compensation-cost-per-100-purchases", "complaint-acknowledgement-time", "complaint-resolution-time", "complaints-per-100-purchases",
             "csat", "follow-up-completion", "nps", "policy-acknowledgement-rate", "survey-response-rate"],
            items.Keys.Order(StringComparer.Ordinal));
        var resolution = items["complaint-resolution-time"];
        Assert.Equal("businessMinutes", resolution.GetProperty("unit").GetString());
        Assert.Equal(["atMost"], resolution.GetProperty("comparators").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((1m, 525600m), (resolution.GetProperty("minimum").GetDecimal(), resolution.GetProperty("maximum").GetDecimal()));
        Assert.True(resolution.GetProperty("setsComplaintDeadlines").GetBoolean());
        Assert.True(resolution.GetProperty("bySeverity").GetBoolean());
        var nps = items["nps"];
        Assert.Equal(["atLeast"], nps.GetProperty("comparators").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((-100m, 100m), (nps.GetProperty("minimum").GetDecimal(), nps.GetProperty("maximum").GetDecimal()));
        Assert.False(nps.GetProperty("setsComplaintDeadlines").GetBoolean());
    }

    [Fact]
    public async Task CreateStandard_Valid_Returns201WithLocationETagAndVersion1()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var policyId = await TestPolicies.CreateAsync(client, ClauseKey);

        using var response = await client.PostAsJsonAsync(StandardsPath, Nps(target: 40, warning: 50, branches: ["north", "central"], policyId: policyId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{StandardsPath}/{id}", response.Headers.Location!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal("nps", created.GetProperty("metric").GetString());
        var terms = created.GetProperty("terms");
        Assert.Equal("atLeast", terms.GetProperty("comparator").GetString());
        Assert.Equal(40m, terms.GetProperty("target").GetDecimal());
        Assert.Equal(50m, terms.GetProperty("warningThreshold").GetDecimal());
        Assert.Equal(["central", "north"], terms.GetProperty("branches").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(policyId, terms.GetProperty("policy").GetProperty("policyId").GetGuid());
        Assert.Equal(ClauseKey, terms.GetProperty("policy").GetProperty("clauseKey").GetString());
        Assert.False(created.GetProperty("setsComplaintDeadlines").GetBoolean());
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    public static TheoryData<string, object> InvalidBodies() => new()
    {
        { "name", new { name = " ", metric = "nps", comparator = "atLeast", target = 40 } },
        { "metric", new { name = "Speed", metric = "speed", comparator = "atMost", target = 40 } },
        { "comparator", new { name = "NPS", metric = "nps", comparator = "atMost", target = 40 } },
        { "target", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 101 } },
        { "target", new { name = "NPS", metric = "nps", comparator = "atLeast" } },
        { "target", new { name = "Resolve", metric = "complaint-resolution-time", comparator = "atMost", target = 90.5 } },
        { "target", new { name = "Resolve", metric = "complaint-resolution-time", comparator = "atMost", target = 0 } },
        { "warningThreshold", new { name = "Resolve", metric = "complaint-resolution-time", comparator = "atMost", target = 480, warningThreshold = 600 } },
        { "warningThreshold", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, warningThreshold = 40 } },
        { "warningThreshold", new { name = "CES", metric = "ces", comparator = "atMost", target = 3, warningThreshold = 0.5 } },
        { "severity", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, severity = "high" } },
        { "branches[1]", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, branches = new[] { "north", " " } } },
        { "branches[1]", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, branches = new[] { "north", "north" } } },
        { "policy.clauseKey", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, policy = new { policyId = Guid.NewGuid() } } },
        { "policy.policyId", new { name = "NPS", metric = "nps", comparator = "atLeast", target = 40, policy = new { clauseKey = "1" } } },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task CreateStandard_InvalidForTheCatalogue_Returns400NamingTheField(string field, object body)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(StandardsPath, body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task CreateStandard_PolicyTheBusinessDoesNotHave_Returns422NamingThePolicy()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var otherBusiness = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var othersPolicy = await TestPolicies.CreateAsync(otherBusiness, ClauseKey);

        using var unknown = await client.PostAsJsonAsync(StandardsPath, Nps(target: 40, policyId: Guid.NewGuid()));
        using var foreign = await client.PostAsJsonAsync(StandardsPath, Nps(target: 40, policyId: othersPolicy));

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unknown, HttpStatusCode.UnprocessableEntity, "policy-clause-not-found"), "policy.policyId");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(foreign, HttpStatusCode.UnprocessableEntity, "policy-clause-not-found"), "policy.policyId");
        using var list = await client.GetAsync(new Uri(StandardsPath, UriKind.Relative));
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CreateOrChangeStandard_ClauseNoVersionOfThePolicyHas_Returns422NamingTheClause()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var policyId = await TestPolicies.CreateAsync(client, "some-other-clause");
        var withClause = await TestPolicies.CreateAsync(client, ClauseKey);
        var (id, etag) = await CreateAsync(client, Nps(target: 30, policyId: withClause));

        using var created = await client.PostAsJsonAsync(StandardsPath, Nps(target: 40, policyId: policyId));
        using var changed = await PutAsync(client, id, etag, Nps(target: 30, policyId: policyId));

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(created, HttpStatusCode.UnprocessableEntity, "policy-clause-not-found"), "policy.clauseKey");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(changed, HttpStatusCode.UnprocessableEntity, "policy-clause-not-found"), "policy.clauseKey");
        using var read = await client.GetAsync(new Uri($"{StandardsPath}/{id}", UriKind.Relative));
        Assert.Equal(withClause, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("terms").GetProperty("policy").GetProperty("policyId").GetGuid());
    }

    [Fact]
    public async Task CreateStandard_UnknownComparator_Returns400Problem()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(StandardsPath, new { name = "NPS", metric = "nps", comparator = "roughly", target = 40 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChangeStandard_NewTerms_MakeANewVersionAndKeepTheHistory()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await CreateAsync(client, Nps(target: 30));

        using var renamed = await PutAsync(client, id, etag, Nps(target: 30, name: "Recommend us"));
        using var changed = await PutAsync(client, id, renamed.Headers.ETag!.ToString(), Nps(target: 45, warning: 55, name: "Recommend us"));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(1, (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal("Recommend us", body.GetProperty("name").GetString());
        using var history = await client.GetAsync(new Uri($"{StandardsPath}/{id}/versions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var versions = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([30m, 45m], versions.Select(v => v.GetProperty("terms").GetProperty("target").GetDecimal()));
    }

    [Fact]
    public async Task ChangeStandard_WithoutIfMatch_Returns428_WithStaleETag_Returns412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await CreateAsync(client, Nps(target: 30));
        using var first = await PutAsync(client, id, etag, Nps(target: 35));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var missing = await PutAsync(client, id, null, Nps(target: 36));
        using var stale = await PutAsync(client, id, etag, Nps(target: 37));

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task ChangeStandard_ToAnotherMetric_Returns400NamingTheMetric()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await CreateAsync(client, Nps(target: 30));

        using var response = await PutAsync(client, id, etag, new { name = "CSAT", metric = "csat", comparator = "atLeast", target = 80 });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "metric");
    }

    [Fact]
    public async Task RetireStandard_Twice_SecondIs409_AndARetiredStandardCannotChange()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await CreateAsync(client, Nps(target: 30));

        using var retired = await SendAsync(client, HttpMethod.Post, $"{StandardsPath}/{id}/retire", etag, null);
        var retiredETag = retired.Headers.ETag!.ToString();
        using var again = await SendAsync(client, HttpMethod.Post, $"{StandardsPath}/{id}/retire", retiredETag, null);
        using var change = await PutAsync(client, id, retiredETag, Nps(target: 20));

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var body = await retired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("retired", body.GetProperty("status").GetString());
        Assert.True(body.TryGetProperty("retiredAt", out _));
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "standard-retired");
        await ProblemResponse.ReadAsync(change, HttpStatusCode.Conflict, "standard-retired");
        using var active = await client.GetAsync(new Uri($"{StandardsPath}?status=active", UriKind.Relative));
        Assert.Empty((await active.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CreateStandard_ReplayedIdempotencyKey_CreatesOneAndReturnsTheSameStandard()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, StandardsPath, key, Nps(target: 30));
        using var replay = await IdempotentRequest.PostAsync(client, StandardsPath, key, Nps(target: 30));
        using var otherBody = await IdempotentRequest.PostAsync(client, StandardsPath, key, Nps(target: 31));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        await ProblemResponse.ReadAsync(otherBody, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        using var list = await client.GetAsync(new Uri(StandardsPath, UriKind.Relative));
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Standards_OfAnotherBusiness_AreNotFoundAndNotListed()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await CreateAsync(owner, Nps(target: 30));

        using var read = await other.GetAsync(new Uri($"{StandardsPath}/{id}", UriKind.Relative));
        using var versions = await other.GetAsync(new Uri($"{StandardsPath}/{id}/versions", UriKind.Relative));
        using var change = await PutAsync(other, id, etag, Nps(target: 10));
        using var list = await other.GetAsync(new Uri(StandardsPath, UriKind.Relative));

        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(versions, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(change, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListStandards_PagesByCursor()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(client, Nps(target: 30 + i));
        }

        using var first = await client.GetAsync(new Uri($"{StandardsPath}?limit=2&metric=nps", UriKind.Relative));
        var page = await first.Content.ReadFromJsonAsync<JsonElement>();
        using var second = await client.GetAsync(new Uri($"{StandardsPath}?limit=2&metric=nps&cursor={page.GetProperty("nextCursor").GetString()}", UriKind.Relative));
        var rest = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(32m, Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("terms").GetProperty("target").GetDecimal());
    }

    internal static object Nps(decimal target, decimal? warning = null, string[]? branches = null, Guid? policyId = null, string name = "Recommendation") =>
        new
        {
            name,
            metric = "nps",
            comparator = "atLeast",
            target,
            warningThreshold = warning,
            branches,
            policy = policyId is { } id ? new { policyId = id, clauseKey = ClauseKey } : null,
        };

    internal static async Task<(Guid Id, string ETag)> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(StandardsPath, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), response.Headers.ETag!.ToString());
    }

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, string? ifMatch, object body) =>
        SendAsync(client, HttpMethod.Put, $"{StandardsPath}/{id}", ifMatch, body);

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
