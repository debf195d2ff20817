using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    private const string SurveysPath = "/api/v1/feedback/surveys";

    [Fact]
    public async Task CreateSurvey_WithValidRequest_Returns201DraftWithLocationAndETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(SurveysPath, NpsSurvey(branches: [" north ", "north", "east"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{SurveysPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nps", body.GetProperty("kind").GetString());
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.False(body.TryGetProperty("latestVersion", out _));
        Assert.Equal(["north", "east"], body.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString()));
        var questions = body.GetProperty("questions");
        Assert.Equal("nps", questions[0].GetProperty("type").GetString());
        Assert.Equal("Würden Sie uns empfehlen?", questions[0].GetProperty("text").GetProperty("de-DE").GetString());
        Assert.Equal("singleChoice", questions[1].GetProperty("type").GetString());
        Assert.Equal("Preis", questions[1].GetProperty("options")[0].GetProperty("label").GetProperty("de-DE").GetString());
    }

    public static TheoryData<string, string> InvalidSurveys => new()
    {
        { """{ "name": "S", "kind": "nps", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "Why?" } } ] }""", "questions[0].type" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } }, { "key": "c", "type": "freeText", "text": { "en-GB": "B?" } } ] }""", "questions[1].key" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } }, { "key": "pick", "type": "singleChoice", "text": { "en-GB": "B?" } } ] }""", "questions[1].options" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "de-DE": "Warum?" } } ] }""", "questions[0].text" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } }, { "key": "pick", "type": "multipleChoice", "text": { "en-GB": "B?" }, "options": [ { "label": { "en-GB": "X" } }, { "key": "y", "label": { "en-GB": "Y" } } ] } ] }""", "questions[1].options[0].key" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ null ] }""", "questions[0]" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [] }""", "questions" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "english", "questions": [ { "key": "c", "type": "freeText", "text": { "english": "A?" } } ] }""", "defaultLanguage" },
        { """{ "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } } ] }""", "name" },
        { """{ "name": "S", "defaultLanguage": "en-GB", "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } } ] }""", "kind" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "questions": [ { "key": "r", "type": "rating", "min": 5, "max": 2, "text": { "en-GB": "A?" } } ] }""", "questions[0].max" },
        { """{ "name": "S", "kind": "custom", "defaultLanguage": "en-GB", "branches": [ "" ], "questions": [ { "key": "c", "type": "freeText", "text": { "en-GB": "A?" } } ] }""", "branches[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidSurveys))]
    public async Task CreateSurvey_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(SurveysPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_templates", tenantId));
    }

    [Fact]
    public async Task CreateSurvey_WithUnknownKind_Returns400MalformedJson()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent("""{ "name": "S", "kind": "loyalty", "defaultLanguage": "en-GB", "questions": [] }""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(SurveysPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.kind");
    }

    [Fact]
    public async Task CreateSurvey_ReplayedWithSameKey_ReturnsStoredResponseAndCreatesOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        using var first = await IdempotentRequest.PostAsync(client, SurveysPath, key, NpsSurvey());

        using var replay = await IdempotentRequest.PostAsync(client, SurveysPath, key, NpsSurvey());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("survey_templates", tenantId));
    }

    [Fact]
    public async Task UpdateSurvey_WithCurrentETag_Returns200WithNewETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, etag) = await CreateAsync(client, NpsSurvey());

        using var response = await PutAsync(client, location, NpsSurvey(name: "Renamed"), etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag?.Tag);
        Assert.Equal("Renamed", (await FeedbackApi.ReadJsonAsync(response)).GetProperty("name").GetString());
        using var read = await client.GetAsync(location);
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task UpdateSurvey_WithoutIfMatch_Returns428AndWithStaleETag_Returns412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, etag) = await CreateAsync(client, NpsSurvey());
        using var changed = await PutAsync(client, location, NpsSurvey(name: "First change"), etag);

        using var missing = await PutAsync(client, location, NpsSurvey(name: "Blind"), ifMatch: null);
        using var stale = await PutAsync(client, location, NpsSurvey(name: "Stale"), etag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ProblemResponse.ReadAsync(missing, (HttpStatusCode)428, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        using var read = await client.GetAsync(location);
        Assert.Equal("First change", (await FeedbackApi.ReadJsonAsync(read)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PublishSurvey_Draft_Returns201VersionOneAndPublishesSurveyPublished()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.survey-published.v1");
        var (location, _) = await CreateAsync(client, NpsSurvey(branches: ["north"]));
        var surveyId = Guid.Parse(location.Split('/')[^1]);

        using var response = await client.PostAsync($"{location}/publish", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{location}/versions/1", response.Headers.Location?.OriginalString);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        var observed = await probe.WaitForAsync(message => message.GetGuid("surveyId") == surveyId, $"SurveyPublished for {surveyId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(1, observed.Message.GetProperty("version").GetInt32());
        Assert.Equal("nps", observed.GetString("kind"));
        Assert.Equal(["north"], observed.Message.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString()));
        Assert.True(observed.Message.TryGetProperty("occurredAt", out _));
        using var read = await client.GetAsync(location);
        var survey = await FeedbackApi.ReadJsonAsync(read);
        Assert.Equal("published", survey.GetProperty("status").GetString());
        Assert.Equal(1, survey.GetProperty("latestVersion").GetInt32());
        Assert.False(survey.GetProperty("hasUnpublishedChanges").GetBoolean());
    }

    [Fact]
    public async Task PublishSurvey_AfterAnEdit_MakesVersionTwoAndVersionOneStaysAsItWas()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, _) = await CreateAsync(client, NpsSurvey(name: "Original"));
        using var first = await client.PostAsync($"{location}/publish", null);
        using var current = await client.GetAsync(location);
        using var edited = await PutAsync(client, location, NpsSurvey(name: "Edited"), current.Headers.ETag?.Tag);
        var draft = await FeedbackApi.ReadJsonAsync(edited);

        using var second = await client.PostAsync($"{location}/publish", null);
        using var unchanged = await client.PostAsync($"{location}/publish", null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("published", draft.GetProperty("status").GetString());
        Assert.True(draft.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await FeedbackApi.ReadJsonAsync(second)).GetProperty("version").GetInt32());
        await ProblemResponse.ReadAsync(unchanged, HttpStatusCode.Conflict, "survey-unchanged");
        using var versionOne = await client.GetAsync($"{location}/versions/1");
        using var versionTwo = await client.GetAsync($"{location}/versions/2");
        Assert.Equal("Original", (await FeedbackApi.ReadJsonAsync(versionOne)).GetProperty("name").GetString());
        Assert.Equal("Edited", (await FeedbackApi.ReadJsonAsync(versionTwo)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ArchiveSurvey_Published_RefusesEditsAndPublishingButKeepsVersionsReadable()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, _) = await CreateAsync(client, NpsSurvey());
        using var published = await client.PostAsync($"{location}/publish", null);

        using var archived = await client.PostAsync($"{location}/archive", null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(archived);
        Assert.Equal("archived", body.GetProperty("status").GetString());
        Assert.True(body.TryGetProperty("archivedAt", out _));
        using var edit = await PutAsync(client, location, NpsSurvey(name: "Too late"), archived.Headers.ETag?.Tag);
        await ProblemResponse.ReadAsync(edit, HttpStatusCode.Conflict, "survey-archived");
        using var publish = await client.PostAsync($"{location}/publish", null);
        await ProblemResponse.ReadAsync(publish, HttpStatusCode.Conflict, "survey-archived");
        using var again = await client.PostAsync($"{location}/archive", null);
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "survey-archived");
        using var version = await client.GetAsync($"{location}/versions/1");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("one")]
    public async Task GetSurveyVersion_NotPublished_Returns404(string version)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, _) = await CreateAsync(client, NpsSurvey());
        using var published = await client.PostAsync($"{location}/publish", null);

        using var response = await client.GetAsync($"{location}/versions/{version}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task SurveyOfAnotherTenant_EveryOperation_Returns404AndChangesNothing()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (location, _) = await CreateAsync(owner, NpsSurvey(name: "Mine"));
        using var published = await owner.PostAsync($"{location}/publish", null);

        using var read = await stranger.GetAsync(location);
        using var version = await stranger.GetAsync($"{location}/versions/1");
        using var update = await PutAsync(stranger, location, NpsSurvey(name: "Theirs"), "*");
        using var publish = await stranger.PostAsync($"{location}/publish", null);
        using var archive = await stranger.PostAsync($"{location}/archive", null);
        using var list = await stranger.GetAsync(SurveysPath);

        foreach (var response in new[] { read, version, update, publish, archive })
        {
            await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        }

        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").GetArrayLength());
        using var own = await owner.GetAsync(location);
        var survey = await FeedbackApi.ReadJsonAsync(own);
        Assert.Equal("Mine", survey.GetProperty("name").GetString());
        Assert.Equal("published", survey.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListSurveys_ByBranch_ReturnsThoseNamingItAndThoseForEveryBranchInPages()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (everywhere, _) = await CreateAsync(client, NpsSurvey(name: "Everywhere"));
        var (north, _) = await CreateAsync(client, NpsSurvey(name: "North", branches: ["north", "east"]));
        await CreateAsync(client, NpsSurvey(name: "South", branches: ["south"]));

        using var firstPage = await client.GetAsync($"{SurveysPath}?branch=north&limit=1");
        var first = await FeedbackApi.ReadJsonAsync(firstPage);
        var cursor = first.GetProperty("nextCursor").GetString();
        using var secondPage = await client.GetAsync($"{SurveysPath}?branch=north&limit=1&cursor={cursor}");
        var second = await FeedbackApi.ReadJsonAsync(secondPage);
        using var all = await client.GetAsync(SurveysPath);

        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);
        Assert.Equal(everywhere, $"{SurveysPath}/{first.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        Assert.Equal(north, $"{SurveysPath}/{second.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.Equal(3, (await FeedbackApi.ReadJsonAsync(all)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("branch=%20", "branch")]
    public async Task ListSurveys_WithBadQuery_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{SurveysPath}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task CreateSurvey_BranchKeyForAnotherOrEveryBranch_Returns403AndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = BranchClient(tenantId, "south");

        using var other = await client.PostAsJsonAsync(SurveysPath, NpsSurvey(branches: ["south", "north"]));
        using var every = await client.PostAsJsonAsync(SurveysPath, NpsSurvey());
        using var own = await client.PostAsJsonAsync(SurveysPath, NpsSurvey(branches: [" south "]));

        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(every, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("survey_templates", tenantId));
    }

    [Fact]
    public async Task ManageSurvey_BranchKeyForAnotherBranch_Returns403AndChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var business = fixture.Service.CreateTenantClient(tenantId);
        using var southKey = BranchClient(tenantId, "south");
        var (location, etag) = await CreateAsync(business, NpsSurvey(name: "North", branches: ["north"]));

        using var update = await PutAsync(southKey, location, NpsSurvey(name: "Taken", branches: ["south"]), etag);
        using var publish = await southKey.PostAsync($"{location}/publish", null);
        using var archive = await southKey.PostAsync($"{location}/archive", null);
        using var read = await southKey.GetAsync(location);

        await ProblemResponse.ReadAsync(update, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(publish, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(archive, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var survey = await FeedbackApi.ReadJsonAsync(read);
        Assert.Equal("North", survey.GetProperty("name").GetString());
        Assert.Equal("draft", survey.GetProperty("status").GetString());
    }

    private HttpClient BranchClient(Guid tenantId, string branch)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, InternalTokens.AllScopes, branch));
        return client;
    }

    private static async Task<(string Location, string ETag)> CreateAsync(HttpClient client, object survey)
    {
        using var response = await client.PostAsJsonAsync(SurveysPath, survey);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (response.Headers.Location!.OriginalString, response.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string location, object survey, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonContent.Create(survey) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static object NpsSurvey(string name = "After a visit", string[]? branches = null) => new
    {
        name,
        kind = "nps",
        defaultLanguage = "en-GB",
        branches,
        questions = new object[]
        {
            new
            {
                key = "recommend",
                type = "nps",
                required = true,
                text = new Dictionary<string, string> { ["en-GB"] = "Would you recommend us?", ["de-DE"] = "Würden Sie uns empfehlen?" },
            },
            new
            {
                key = "reason",
                type = "singleChoice",
                text = new Dictionary<string, string> { ["en-GB"] = "What mattered most?" },
                options = new object[]
                {
                    new { key = "price", label = new Dictionary<string, string> { ["en-GB"] = "Price", ["de-DE"] = "Preis" } },
                    new { key = "staff", label = new Dictionary<string, string> { ["en-GB"] = "Staff" } },
                },
            },
        },
    };
}
