using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ComplianceServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplianceItemsApiTests(ComplianceServiceFixture fixture) : IClassFixture<ComplianceServiceFixture>
{
    [Fact]
    public async Task CreateItem_WithFrequency_Returns201WithLocationETagAndNextDueAFrequencyAway()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var item = Item(branches: [" north ", "north", "east"]);

        using var response = await client.PostAsJsonAsync(ItemsPath, item);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{ItemsPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("consumerGuarantees", body.GetProperty("category").GetString());
        Assert.Equal("Consumer Guarantees Act 1993", body.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal("s 18", body.GetProperty("source").GetProperty("section").GetString());
        Assert.Equal(["north", "east"], body.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString()));
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("overdue").GetBoolean());
        var createdAt = body.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(createdAt.AddMonths(12), body.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.False(body.TryGetProperty("lastCheckedAt", out var lastChecked) && lastChecked.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task CreateItem_OtherWithCustomCategoryAndExplicitDueDate_KeepsThem()
    {
        var due = DateTimeOffset.UtcNow.AddDays(45);
        var item = Item(category: "other", frequencyMonths: null, nextDueAt: due);
        item["customCategory"] = "Liquor licensing";

        var body = await fixture.CreateItemAsync(Guid.NewGuid(), item);

        Assert.Equal("other", body.GetProperty("category").GetString());
        Assert.Equal("Liquor licensing", body.GetProperty("customCategory").GetString());
        Assert.Equal(due.UtcDateTime, body.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task CreateItem_WithADueTimeInAnotherOffset_KeepsTheSameInstant()
    {
        var due = new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.FromHours(13));

        var body = await fixture.CreateItemAsync(Guid.NewGuid(), Item(frequencyMonths: null, nextDueAt: due));

        Assert.Equal(due.UtcDateTime, body.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime);
    }

    public static TheoryData<string, string> InvalidItems => new()
    {
        { """{ "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 12 }""", "title" },
        { """{ "title": "T", "category": "other", "source": { "name": "Local bylaw" }, "owner": "Sam", "frequencyMonths": 12 }""", "customCategory" },
        { """{ "title": "T", "category": "privacy", "customCategory": "Mine", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 12 }""", "customCategory" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020", "url": "ftp://example.com/act" }, "owner": "Sam", "frequencyMonths": 12 }""", "source.url" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020", "url": "not a link" }, "owner": "Sam", "frequencyMonths": 12 }""", "source.url" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "  " }, "owner": "Sam", "frequencyMonths": 12 }""", "source.name" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "Sam" }""", "frequencyMonths" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 0 }""", "frequencyMonths" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 121 }""", "frequencyMonths" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "", "frequencyMonths": 12 }""", "owner" },
        { """{ "title": "T", "category": "privacy", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 12, "branches": [ "" ] }""", "branches[0]" },
        { """{ "title": "T", "source": { "name": "Privacy Act 2020" }, "owner": "Sam", "frequencyMonths": 12 }""", "category" },
        { """{ "title": "T", "category": "privacy", "source": {}, "owner": "Sam", "frequencyMonths": 12 }""", "source.name" },
        { """{ "title": "T", "category": "privacy", "owner": "Sam", "frequencyMonths": 12 }""", "source" },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task CreateItem_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ItemsPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("compliance_items", tenantId));
    }

    [Fact]
    public async Task CreateItem_WithUnknownCategory_Returns400MalformedJson()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent("""{ "title": "T", "category": "tax", "source": { "name": "X" }, "owner": "Sam", "frequencyMonths": 1 }""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ItemsPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.category");
    }

    [Fact]
    public async Task CreateItem_ReplayedWithTheSameKey_ReturnsTheSameItemOnce_AndAnotherBodyIs422()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, ItemsPath, key, Item());
        using var replay = await IdempotentRequest.PostAsync(client, ItemsPath, key, Item());
        using var other = await IdempotentRequest.PostAsync(client, ItemsPath, key, Item(title: "Something else"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await ReadJsonAsync(first)).GetProperty("id").GetGuid(), (await ReadJsonAsync(replay)).GetProperty("id").GetGuid());
        await ProblemResponse.ReadAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("compliance_items", tenantId));
    }

    [Fact]
    public async Task UpdateItem_NeedsIfMatch_RefusesAStaleETag_AndRecomputesTheDueTimeFromTheFrequency()
    {
        var tenantId = Guid.NewGuid();
        var created = await fixture.CreateItemAsync(tenantId);
        var path = $"{ItemsPath}/{created.GetProperty("id").GetGuid()}";
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var read = await client.GetAsync(path);
        var etag = read.Headers.ETag!;
        var change = Item(title: "Refund policy reviewed", frequencyMonths: 6);

        using var missing = await client.PutAsJsonAsync(path, change);
        using var updated = await SendWithIfMatchAsync(client, HttpMethod.Put, path, etag, change);
        using var stale = await SendWithIfMatchAsync(client, HttpMethod.Put, path, etag, Item(title: "Lost update"));

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        var body = await ReadJsonAsync(updated);
        Assert.Equal("Refund policy reviewed", body.GetProperty("title").GetString());
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset().AddMonths(6), body.GetProperty("nextDueAt").GetDateTimeOffset());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        using var after = await client.GetAsync(path);
        Assert.Equal("Refund policy reviewed", (await ReadJsonAsync(after)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetItem_OfAnotherBusiness_Returns404LikeAMissingOne()
    {
        var created = await fixture.CreateItemAsync(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var foreign = await stranger.GetAsync($"{ItemsPath}/{created.GetProperty("id").GetGuid()}");
        using var foreignChecks = await stranger.GetAsync($"{ItemsPath}/{created.GetProperty("id").GetGuid()}/checks");
        using var foreignCheck = await stranger.PostAsJsonAsync($"{ItemsPath}/{created.GetProperty("id").GetGuid()}/checks", Check(DateTimeOffset.UtcNow));
        using var missing = await stranger.GetAsync($"{ItemsPath}/{Guid.NewGuid()}");

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignChecks, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignCheck, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(missing, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ArchiveItem_KeepsItReadable_RefusesChecksAndEdits_AndLeavesTheDefaultList()
    {
        var tenantId = Guid.NewGuid();
        var created = await fixture.CreateItemAsync(tenantId);
        var id = created.GetProperty("id").GetGuid();
        var path = $"{ItemsPath}/{id}";
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var read = await client.GetAsync(path);

        using var withoutIfMatch = await client.PostAsync($"{path}/archive", null);
        using var archived = await SendWithIfMatchAsync(client, HttpMethod.Post, $"{path}/archive", read.Headers.ETag!, null);
        using var check = await client.PostAsJsonAsync($"{path}/checks", Check(DateTimeOffset.UtcNow));
        using var edit = await SendWithIfMatchAsync(client, HttpMethod.Put, path, archived.Headers.ETag!, Item(title: "Too late"));
        using var again = await SendWithIfMatchAsync(client, HttpMethod.Post, $"{path}/archive", archived.Headers.ETag!, null);

        await ProblemResponse.ReadAsync(withoutIfMatch, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal("archived", (await ReadJsonAsync(archived)).GetProperty("status").GetString());
        await ProblemResponse.ReadAsync(check, HttpStatusCode.Conflict, "compliance-item-archived");
        await ProblemResponse.ReadAsync(edit, HttpStatusCode.Conflict, "compliance-item-archived");
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "compliance-item-archived");
        Assert.Empty(await ListIdsAsync(client, ""));
        Assert.Equal([id], await ListIdsAsync(client, "?status=archived"));
        Assert.Equal([id], await ListIdsAsync(client, "?status=all"));
        using var stillThere = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task RecordCheck_SetsLastCheckedAndNextDueFromTheFrequency_AndALateReportedOlderCheckIsEvidenceOnly()
    {
        var tenantId = Guid.NewGuid();
        var created = await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: 3));
        var id = created.GetProperty("id").GetGuid();
        var checkedAt = DateTimeOffset.UtcNow.AddDays(-2);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var recorded = await client.PostAsJsonAsync($"{ItemsPath}/{id}/checks", Check(checkedAt, "partial"));
        var older = await fixture.RecordCheckAsync(tenantId, id, Check(checkedAt.AddDays(-20), "fail", "Found the old script in use."));

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var check = await ReadJsonAsync(recorded);
        Assert.Equal($"{ItemsPath}/{id}/checks/{check.GetProperty("id").GetGuid()}", recorded.Headers.Location?.OriginalString);
        Assert.Equal("partial", check.GetProperty("outcome").GetString());
        Assert.Equal(["https://docs.example.com/evidence/1"], check.GetProperty("links").EnumerateArray().Select(link => link.GetString()));
        using var item = await client.GetAsync($"{ItemsPath}/{id}");
        var body = await ReadJsonAsync(item);
        Assert.Equal(checkedAt.UtcDateTime, body.GetProperty("lastCheckedAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal("partial", body.GetProperty("lastOutcome").GetString());
        Assert.Equal(checkedAt.AddMonths(3).UtcDateTime, body.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(checkedAt.AddDays(-20).AddMonths(3).UtcDateTime, older.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        using var fetched = await client.GetAsync(recorded.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        using var list = await client.GetAsync($"{ItemsPath}/{id}/checks?limit=1");
        var page = await ReadJsonAsync(list);
        Assert.Equal(older.GetProperty("id").GetGuid(), page.GetProperty("items")[0].GetProperty("id").GetGuid());
        using var next = await client.GetAsync($"{ItemsPath}/{id}/checks?limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
        Assert.Equal(check.GetProperty("id").GetGuid(), (await ReadJsonAsync(next)).GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    public static TheoryData<string, string> InvalidChecks => new()
    {
        { """{ "checkedAt": "2099-01-01T00:00:00Z", "checkedBy": "Pat", "outcome": "pass", "description": "D" }""", "checkedAt" },
        { """{ "checkedBy": "", "outcome": "pass", "description": "D" }""", "checkedBy" },
        { """{ "checkedBy": "Pat", "description": "D" }""", "outcome" },
        { """{ "checkedBy": "Pat", "outcome": "pass", "description": " " }""", "description" },
        { """{ "checkedBy": "Pat", "outcome": "pass", "description": "D", "links": [ "javascript:alert(1)" ] }""", "links[0]" },
        { """{ "checkedAt": "2026-01-10T00:00:00Z", "checkedBy": "Pat", "outcome": "pass", "description": "D", "nextDueAt": "2026-01-09T00:00:00Z" }""", "nextDueAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidChecks))]
    public async Task RecordCheck_BreakingARule_Returns400NamingTheFieldAndChangesNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        var created = await fixture.CreateItemAsync(tenantId);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync($"{ItemsPath}/{created.GetProperty("id").GetGuid()}/checks", content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("compliance_checks", tenantId));
    }

    [Fact]
    public async Task ListItems_FlagsAndFiltersOverdue_FiltersByCategoryAndBranch_AndPages()
    {
        var tenantId = Guid.NewGuid();
        var overdue = (await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: null, nextDueAt: DateTimeOffset.UtcNow.AddDays(-1)))).GetProperty("id").GetGuid();
        var privacy = (await fixture.CreateItemAsync(tenantId, Item(category: "privacy", branches: ["north"]))).GetProperty("id").GetGuid();
        var south = (await fixture.CreateItemAsync(tenantId, Item(category: "healthAndSafety", branches: ["south"]))).GetProperty("id").GetGuid();
        await fixture.CreateItemAsync(Guid.NewGuid(), Item(frequencyMonths: null, nextDueAt: DateTimeOffset.UtcNow.AddDays(-1)));
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var all = await client.GetAsync(ItemsPath);
        var items = (await ReadJsonAsync(all)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([overdue, privacy, south], items.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal([true, false, false], items.Select(item => item.GetProperty("overdue").GetBoolean()));
        Assert.Equal([overdue], await ListIdsAsync(client, "?overdue=true"));
        Assert.Equal([privacy, south], await ListIdsAsync(client, "?overdue=false"));
        Assert.Equal([privacy], await ListIdsAsync(client, "?category=privacy"));
        Assert.Equal([overdue, privacy], await ListIdsAsync(client, "?branch=north"));
        using var firstPage = await client.GetAsync($"{ItemsPath}?limit=2");
        var cursor = (await ReadJsonAsync(firstPage)).GetProperty("nextCursor").GetString();
        Assert.Equal([south], await ListIdsAsync(client, $"?limit=2&cursor={cursor}"));
    }

    [Theory]
    [InlineData("?cursor=nonsense", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?overdue=maybe", "overdue")]
    [InlineData("?category=tax", "category")]
    [InlineData("?status=deleted", "status")]
    public async Task ListItems_WithABadParameter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(ItemsPath + query);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task BranchKey_MayManageItsOwnBranchItems_NotAnotherBranchsOrTheWholeBusinesss()
    {
        var tenantId = Guid.NewGuid();
        var wholeBusiness = (await fixture.CreateItemAsync(tenantId)).GetProperty("id").GetGuid();
        using var client = fixture.Service.CreateClient();
        var token = InternalTokens.For(tenantId, ["standards:read", "standards:write"], "south");

        using var own = await client.SendWithTokenAsync(HttpMethod.Post, ItemsPath, token, Item(branches: ["south"]));
        using var other = await client.SendWithTokenAsync(HttpMethod.Post, ItemsPath, token, Item(branches: ["north"]));
        using var all = await client.SendWithTokenAsync(HttpMethod.Post, ItemsPath, token, Item());
        using var check = await client.SendWithTokenAsync(HttpMethod.Post, $"{ItemsPath}/{wholeBusiness}/checks", token, Check(DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(all, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(check, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(ItemsPath + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }

    private static async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpClient client, HttpMethod method, string path, EntityTagHeaderValue etag, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
