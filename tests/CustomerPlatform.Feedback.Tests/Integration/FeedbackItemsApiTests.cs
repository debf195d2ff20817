using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class FeedbackItemsApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Theory]
    [InlineData("compliment")]
    [InlineData("suggestion")]
    [InlineData("complaint")]
    [InlineData("question")]
    public async Task RecordFeedback_OfEachKind_Returns201WithEveryField(string kind)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new
        {
            branch = "LON-01",
            kind,
            about = new { type = "product", reference = "Flat white" },
            channel = "email",
            text = " Too hot ",
            tags = new[] { " Coffee ", "Long Queue", "coffee" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal(kind, body.GetProperty("kind").GetString());
        Assert.Equal("customer", body.GetProperty("from").GetString());
        Assert.Equal("product", body.GetProperty("about").GetProperty("type").GetString());
        Assert.Equal("Flat white", body.GetProperty("about").GetProperty("reference").GetString());
        Assert.Equal("email", body.GetProperty("channel").GetString());
        Assert.Equal("Too hot", body.GetProperty("text").GetString());
        Assert.Equal("Too hot", body.GetProperty("comment").GetString());
        Assert.False(body.TryGetProperty("rating", out _));
        Assert.Equal(["coffee", "long-queue"], body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(body.ToString(), (await FeedbackApi.ReadJsonAsync(read)).ToString());
    }

    [Fact]
    public async Task RecordFeedback_PlainRating_DefaultsKindFromAndAboutTheBranch()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch = "LON-01", rating = 8 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("rating", body.GetProperty("kind").GetString());
        Assert.Equal("customer", body.GetProperty("from").GetString());
        Assert.Equal("branch", body.GetProperty("about").GetProperty("type").GetString());
        Assert.Equal("LON-01", body.GetProperty("about").GetProperty("reference").GetString());
        Assert.Empty(body.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task ListFeedback_StaffSuggestionsByKindAndFrom_ReturnsOnlyThemNewestFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var first = await RecordAsync(client, new { branch = "LON-01", kind = "suggestion", from = "staff", staffMember = "S-042", text = "Open earlier" });
        await RecordAsync(client, new { branch = "LON-01", kind = "suggestion", text = "Customer idea" });
        await RecordAsync(client, new { branch = "LON-01", kind = "compliment", from = "staff", staffMember = "Ann", text = "Team did well" });
        var second = await RecordAsync(client, new { branch = "PAR-02", kind = "suggestion", from = "staff", staffMember = "S-007", text = "More seats" });

        var items = await ListAsync(client, "?kind=suggestion&from=staff");

        Assert.Equal([second, first], items.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal("S-007", items[0].GetProperty("staffMember").GetString());
        Assert.Equal([first], (await ListAsync(client, "?kind=suggestion&from=staff&branch=LON-01")).Select(item => item.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task ListFeedback_ByTagAboutTypeAndTime_FiltersAndPages()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var tagged = await RecordAsync(client, new { branch = "LON-01", kind = "complaint", text = "Cold", tags = new[] { "Long Queue" }, about = new { type = "service", reference = "Delivery" } });
        var taggedToo = await RecordAsync(client, new { branch = "LON-01", rating = 3, tags = new[] { "long-queue", "price" } });
        await RecordAsync(client, new { branch = "LON-01", rating = 9, tags = new[] { "price" } });

        var byTag = await ListAsync(client, "?tag=LONG%20QUEUE");
        var byAbout = await ListAsync(client, "?aboutType=service");
        var inWindow = await ListAsync(client, $"?receivedFrom={Uri.EscapeDataString(before.ToString("O"))}&receivedTo={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        var none = await ListAsync(client, $"?receivedTo={Uri.EscapeDataString(before.ToString("O"))}");
        using var firstPage = await client.GetAsync($"{FeedbackApi.FeedbackPath}?limit=2");
        var page = await FeedbackApi.ReadJsonAsync(firstPage);
        using var secondPage = await client.GetAsync($"{FeedbackApi.FeedbackPath}?limit=2&cursor={page.GetProperty("nextCursor").GetString()}");
        var rest = await FeedbackApi.ReadJsonAsync(secondPage);

        Assert.Equal([taggedToo, tagged], byTag.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal([tagged], byAbout.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(3, inWindow.Count);
        Assert.Empty(none);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal([tagged], rest.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.False(rest.TryGetProperty("nextCursor", out var next) && next.ValueKind != JsonValueKind.Null);
    }

    public static TheoryData<string, string> InvalidItems => new()
    {
        { """{ "branch": "LON-01", "kind": "suggestion" }""", "text" },
        { """{ "branch": "LON-01", "kind": "suggestion", "from": "staff", "text": "x" }""", "staffMember" },
        { """{ "branch": "LON-01", "kind": "suggestion", "staffMember": "Ann", "text": "x" }""", "staffMember" },
        { """{ "branch": "LON-01", "kind": "question", "text": "x", "about": { "type": "product" } }""", "about.reference" },
        { """{ "branch": "LON-01", "kind": "question", "text": "x", "about": { "type": "branch", "reference": "PAR-02" } }""", "about.reference" },
        { """{ "branch": "LON-01", "rating": 5, "tags": ["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u"] }""", "tags" },
        { """{ "branch": "LON-01", "rating": 5, "tags": ["ok", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"] }""", "tags[1]" },
        { """{ "branch": "LON-01", "rating": 5, "tags": ["  "] }""", "tags[0]" },
        { """{ "branch": "LON-01", "rating": 5, "text": "a", "comment": "b" }""", "text" },
        { """{ "branch": "LON-01", "kind": "compliment", "rating": 11, "text": "x" }""", "rating" },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task RecordFeedback_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(FeedbackApi.FeedbackPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
    }

    [Theory]
    [InlineData("""{ "branch": "LON-01", "kind": "rant", "text": "x" }""", "$.kind")]
    [InlineData("""{ "branch": "LON-01", "from": "robot", "rating": 3 }""", "$.from")]
    public async Task RecordFeedback_WithUnknownEnumValue_Returns400NamingTheField(string json, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(FeedbackApi.FeedbackPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Theory]
    [InlineData("?kind=rant", "kind")]
    [InlineData("?from=robot", "from")]
    [InlineData("?aboutType=weather", "aboutType")]
    [InlineData("?receivedFrom=yesterday", "receivedFrom")]
    [InlineData("?limit=0", "limit")]
    public async Task ListFeedback_WithBadFilter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(FeedbackApi.FeedbackPath + query);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task RecordFeedback_StaffSuggestion_PublishesFeedbackReceivedWithTheNewFields()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);

        var id = await RecordAsync(client, new
        {
            branch = "LON-01",
            kind = "suggestion",
            from = "staff",
            staffMember = "S-042",
            about = new { type = "staffMember", reference = "Rota" },
            channel = "inPerson",
            text = "Two on the till at noon",
            tags = new[] { "Rota" },
        });

        var observed = await probe.WaitForAsync(message => message.GetGuid("feedbackId") == id, "FeedbackReceived should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal("suggestion", observed.GetString("kind"));
        Assert.Equal("staff", observed.GetString("from"));
        Assert.Equal("staffMember", observed.GetString("aboutType"));
        Assert.Equal("Rota", observed.GetString("aboutReference"));
        Assert.Equal("inPerson", observed.GetString("channel"));
        Assert.Equal("rating", observed.GetString("source"));
        Assert.Equal(["rota"], observed.Message.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.False(observed.Message.TryGetProperty("rating", out var rating) && rating.ValueKind != JsonValueKind.Null);
        Assert.False(observed.Message.TryGetProperty("text", out _), "the text is not part of the event");
    }

    [Fact]
    public async Task RecordFeedback_IdempotentReplay_ReturnsTheStoredItemAndStoresOne()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var body = new { branch = "LON-01", kind = "question", text = "Open on Sunday?" };
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, FeedbackApi.FeedbackPath, key, body);
        using var replay = await IdempotentRequest.PostAsync(client, FeedbackApi.FeedbackPath, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await FeedbackApi.ReadJsonAsync(first)).GetProperty("id").GetGuid(), (await FeedbackApi.ReadJsonAsync(replay)).GetProperty("id").GetGuid());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
    }

    [Fact]
    public async Task ListAndGetFeedback_OfAnotherTenant_SeeNothingAnd404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = await RecordAsync(owner, new { branch = "LON-01", kind = "compliment", text = "Great" });

        var strangersList = await ListAsync(stranger, "");
        using var strangersRead = await stranger.GetAsync($"{FeedbackApi.FeedbackPath}/{id}");

        Assert.Empty(strangersList);
        await ProblemResponse.ReadAsync(strangersRead, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Feedback_WithBranchKeyForAnotherBranch_Returns403AndListsOwnBranchOnly()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        using var south = BranchClient(fixture.Service, tenantId, "south");
        var northId = await RecordAsync(admin, new { branch = "north", kind = "compliment", text = "Nice" });
        var southId = await RecordAsync(south, new { branch = "south", kind = "compliment", text = "Nice too" });

        using var record = await south.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch = "north", rating = 5 });
        using var read = await south.GetAsync($"{FeedbackApi.FeedbackPath}/{northId}");
        using var filtered = await south.GetAsync($"{FeedbackApi.FeedbackPath}?branch=north");
        var own = await ListAsync(south, "");

        await ProblemResponse.ReadAsync(record, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(read, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(filtered, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal([southId], own.Select(item => item.GetProperty("id").GetGuid()));
    }

    private static async Task<Guid> RecordAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await FeedbackApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(FeedbackApi.FeedbackPath + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await FeedbackApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray()];
    }
}
