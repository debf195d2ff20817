using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SegmentsApiTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    private const string SegmentChangedExchange = "customers.customer-segment-changed.v1";

    private static readonly JsonNode VipRule = JsonNode.Parse("""[{"field": "tags", "op": "hasAny", "values": ["vip"]}]""")!;

    [Fact]
    public async Task CreateSegment_ValidRequest_Returns201WithLocationETagAndRules()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(SegmentsApi.Path, new { name = " VIPs ", description = "Our best", rules = new { conditions = VipRule } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{SegmentsApi.Path}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("VIPs", body.GetProperty("name").GetString());
        Assert.Equal("Our best", body.GetProperty("description").GetString());
        Assert.Equal("tags", body.GetProperty("rules").GetProperty("conditions")[0].GetProperty("field").GetString());
        Assert.Equal("hasAny", body.GetProperty("rules").GetProperty("conditions")[0].GetProperty("op").GetString());
        Assert.True(body.GetProperty("refreshPending").GetBoolean());
    }

    [Fact]
    public async Task CreateSegment_ReplayedWithSameIdempotencyKey_ReturnsTheSameSegmentOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var body = new { name = "Once", rules = new { conditions = VipRule } };
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, SegmentsApi.Path, key, body);
        using var second = await IdempotentRequest.PostAsync(client, SegmentsApi.Path, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await CustomersApi.ReadJsonAsync(first)).GetProperty("id").GetGuid(), (await CustomersApi.ReadJsonAsync(second)).GetProperty("id").GetGuid());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("segments", tenantId));
    }

    [Fact]
    public async Task CreateSegment_InvalidRules_Returns400NamingEachPath()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var conditions = JsonNode.Parse("""
            [
              {"field": "rating", "op": "gte", "value": 4},
              {"field": "rating", "op": "gte", "value": 9},
              {"any": [{"field": "tags", "op": "hasAny", "values": []}]},
              {"field": "attribute", "key": "undefinedKey", "op": "exists"}
            ]
            """);

        using var response = await client.PostAsJsonAsync(SegmentsApi.Path, new { name = "", rules = new { conditions } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "name");
        ProblemResponse.ErrorsFor(problem, "rules.conditions[1].value");
        ProblemResponse.ErrorsFor(problem, "rules.conditions[2].any[0].values");
        ProblemResponse.ErrorsFor(problem, "rules.conditions[3].key");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("segments", tenantId));
    }

    [Fact]
    public async Task CreateSegment_UnknownField_Returns400NamingTheJsonPath()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(
            SegmentsApi.Path, new { name = "Colours", rules = new { conditions = JsonNode.Parse("""[{"field": "colour", "op": "eq", "value": "red"}]""") } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.rules.conditions[0].field");
    }

    [Fact]
    public async Task CreateSegment_TooManyConditions_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var conditions = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => JsonNode.Parse("""{"field": "rating", "op": "gte", "value": 1}"""))]);

        using var response = await client.PostAsJsonAsync(SegmentsApi.Path, new { name = "Huge", rules = new { conditions } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "rules.conditions");
    }

    [Fact]
    public async Task CreateSegment_NameTaken_Returns409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SegmentsApi.CreateAsync(client, "Taken", VipRule);

        using var response = await client.PostAsJsonAsync(SegmentsApi.Path, new { name = "Taken", rules = new { conditions = VipRule } });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task UpdateSegment_WithCurrentETag_Returns200AndNewETag_AndStaleOrMissingETagIsRefused()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await SegmentsApi.CreateAsync(client, "Before", VipRule);
        using var read = await client.GetAsync($"{SegmentsApi.Path}/{id}");
        var etag = read.Headers.ETag!;
        var body = new { name = "After", rules = new { conditions = JsonNode.Parse("""[{"field": "rating", "op": "gte", "value": 4}]""") } };

        using var withoutIfMatch = await client.PutAsJsonAsync($"{SegmentsApi.Path}/{id}", body);
        using var updated = await SendAsync(client, HttpMethod.Put, $"{SegmentsApi.Path}/{id}", etag, body);
        using var stale = await SendAsync(client, HttpMethod.Put, $"{SegmentsApi.Path}/{id}", etag, body);

        await ProblemResponse.ReadAsync(withoutIfMatch, (HttpStatusCode)428, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        Assert.Equal("After", (await CustomersApi.ReadJsonAsync(updated)).GetProperty("name").GetString());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task DeleteSegment_Returns204_ThenItIsGoneFromGetAndList()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await SegmentsApi.CreateAsync(client, "Short-lived", VipRule);

        using var deleted = await client.DeleteAsync($"{SegmentsApi.Path}/{id}");
        using var get = await client.GetAsync($"{SegmentsApi.Path}/{id}");
        using var count = await client.GetAsync($"{SegmentsApi.Path}/{id}/count");
        using var list = await client.GetAsync(SegmentsApi.Path);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemResponse.ReadAsync(get, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(count, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await CustomersApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Segments_OfAnotherTenant_AreNotFoundAndNotListed()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await SegmentsApi.CreateAsync(owner, "Private", VipRule);

        using var get = await stranger.GetAsync($"{SegmentsApi.Path}/{id}");
        using var members = await stranger.GetAsync($"{SegmentsApi.Path}/{id}/members");
        using var count = await stranger.GetAsync($"{SegmentsApi.Path}/{id}/count");
        using var delete = await stranger.DeleteAsync($"{SegmentsApi.Path}/{id}");
        using var list = await stranger.GetAsync(SegmentsApi.Path);

        await ProblemResponse.ReadAsync(get, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(members, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(count, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(delete, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await CustomersApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Members_PagedByTwo_WalkEveryMemberOnceInIdOrder()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var expected = new List<Guid>();
        for (var index = 0; index < 5; index++)
        {
            expected.Add(await RegisterAsync(client, $"Member {index}", "vip"));
        }

        await RegisterAsync(client, "Outsider", "other");
        var id = await SegmentsApi.CreateAsync(client, "Paged", VipRule);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = await client.GetAsync($"{SegmentsApi.Path}/{id}/members?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await CustomersApi.ReadJsonAsync(page);
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
            cursor = body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);
        using var count = await client.GetAsync($"{SegmentsApi.Path}/{id}/count");

        Assert.Equal(3, pages);
        Assert.Equal(expected.Order(), seen);
        Assert.Equal(5L, (await CustomersApi.ReadJsonAsync(count)).GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=lots", "limit")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("cursor=AAAA", "cursor")]
    public async Task Members_BadLimitOrCursor_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await SegmentsApi.CreateAsync(client, "Paging", VipRule);

        using var members = await client.GetAsync($"{SegmentsApi.Path}/{id}/members?{query}");
        using var list = await client.GetAsync($"{SegmentsApi.Path}?{query}");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(members, HttpStatusCode.BadRequest, "validation"), field);
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(list, HttpStatusCode.BadRequest, "validation"), field);
    }

    [Fact]
    public async Task ListSegments_PagedByOne_ReturnsEachOnce()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ids = new[] { await SegmentsApi.CreateAsync(client, "One", VipRule), await SegmentsApi.CreateAsync(client, "Two", VipRule) };

        using var first = await client.GetAsync($"{SegmentsApi.Path}?limit=1");
        var firstBody = await CustomersApi.ReadJsonAsync(first);
        using var second = await client.GetAsync($"{SegmentsApi.Path}?limit=1&cursor={firstBody.GetProperty("nextCursor").GetString()}");
        var secondBody = await CustomersApi.ReadJsonAsync(second);

        Assert.Equal(ids[0], firstBody.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(ids[1], secondBody.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.False(secondBody.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Refresh_CustomerJoinsThenLeaves_PublishesCustomerSegmentChangedForEach()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, SegmentChangedExchange);
        var customerId = await RegisterAsync(client, "Joiner", "vip");
        var segmentId = await SegmentsApi.CreateAsync(client, "Joinable", VipRule);

        await Refresher.RunOnceAsync(CancellationToken.None);

        var joined = await probe.WaitForAsync(
            message => message.GetGuid("customerId") == customerId && message.GetString("change") == "joined", "the customer should join the segment");
        Assert.Equal(tenantId, joined.GetGuid("tenantId"));
        Assert.Equal(segmentId, joined.GetGuid("segmentId"));
        Assert.Equal("Joinable", joined.GetString("segmentName"));
        using (var segment = await client.GetAsync($"{SegmentsApi.Path}/{segmentId}"))
        {
            var body = await CustomersApi.ReadJsonAsync(segment);
            Assert.Equal(1, body.GetProperty("memberCount").GetInt32());
            Assert.False(body.GetProperty("refreshPending").GetBoolean());
        }

        using (var archived = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{customerId}/archive", new { }))
        {
            Assert.True(archived.IsSuccessStatusCode);
        }

        await Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None);

        await probe.WaitForAsync(
            message => message.GetGuid("customerId") == customerId && message.GetString("change") == "left", "the archived customer should leave the segment");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM segment_members WHERE segment_id = @id", ("id", segmentId)));
    }

    [Fact]
    public async Task Refresh_RepeatedWithoutChanges_PublishesEachJoinOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await RegisterAsync(client, "Steady", "vip");
        var segmentId = await SegmentsApi.CreateAsync(client, "Steady", VipRule);

        await Task.WhenAll(Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None), Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None));
        await Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None);

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type = @type",
            ("tenant", tenantId), ("type", ContractRegistry.UrnOf(typeof(CustomerSegmentChanged)))));
    }

    [Fact]
    public async Task DeleteSegment_WithMembers_AnnouncesEachAsLeavingThenRemovesIt()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, SegmentChangedExchange);
        var customerId = await RegisterAsync(client, "Member", "vip");
        var segmentId = await SegmentsApi.CreateAsync(client, "Doomed", VipRule);
        await Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None);

        using var deleted = await client.DeleteAsync($"{SegmentsApi.Path}/{segmentId}");
        await Refresher.RefreshAsync(tenantId, segmentId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await probe.WaitForAsync(
            message => message.GetGuid("segmentId") == segmentId && message.GetGuid("customerId") == customerId && message.GetString("change") == "left",
            "the deleted segment's member should be announced as leaving");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM segments WHERE id = @id", ("id", segmentId)));
    }

    private SegmentRefresher Refresher => fixture.Service.Services.GetRequiredService<SegmentRefresher>();

    private static async Task<Guid> RegisterAsync(HttpClient client, string displayName, string tag)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName, tags = new[] { tag } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, EntityTagHeaderValue ifMatch, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return client.SendAsync(request);
    }
}
