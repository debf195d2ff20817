using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyResponseApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task RecordResponse_WithEveryType_Returns201WithLocationScoresAndPinnedVersion()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();

        using var response = await RecordAsync(client, surveyId, Response(customerId: customerId, channel: "inPerson"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{ResponsesPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(surveyId, body.GetProperty("surveyId").GetGuid());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(customerId, body.GetProperty("customerId").GetGuid());
        Assert.Equal("inPerson", body.GetProperty("channel").GetString());
        Assert.Equal("en-GB", body.GetProperty("language").GetString());
        Assert.Equal(9, body.GetProperty("nps").GetInt32());
        Assert.Equal(4, body.GetProperty("csat").GetInt32());
        Assert.Equal(2, body.GetProperty("ces").GetInt32());
        var answers = body.GetProperty("answers").EnumerateArray().ToDictionary(answer => answer.GetProperty("key").GetString()!);
        Assert.Equal(["nps", "csat", "ces", "staff", "visit", "liked", "comment"], answers.Keys);
        Assert.Equal(8, answers["staff"].GetProperty("score").GetInt32());
        Assert.Equal(["repair"], answers["visit"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        Assert.Equal(["price", "speed"], answers["liked"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        Assert.Equal("Ann at the till was lovely", answers["comment"].GetProperty("text").GetString());
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body.ToString(), (await FeedbackApi.ReadJsonAsync(read)).ToString());
    }

    [Fact]
    public async Task RecordResponse_PublishesFeedbackReceivedWithItsScores()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();
        var answeredAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        var responseId = await RecordCreatedAsync(client, surveyId, Response(customerId: customerId, answers: FullAnswers(nps: 3), answeredAt: answeredAt));

        var observed = await probe.WaitForAsync(message => message.GetGuid("feedbackId") == responseId, $"FeedbackReceived for {responseId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("central", observed.GetString("branch"));
        Assert.Equal("survey", observed.GetString("source"));
        Assert.Equal(surveyId, observed.GetGuid("surveyId"));
        Assert.Equal(responseId, observed.GetGuid("responseId"));
        Assert.Equal(1, observed.Message.GetProperty("surveyVersion").GetInt32());
        Assert.Equal(3, observed.Message.GetProperty("rating").GetInt32());
        Assert.Equal(3, observed.Message.GetProperty("nps").GetInt32());
        Assert.Equal(4, observed.Message.GetProperty("csat").GetInt32());
        Assert.Equal(2, observed.Message.GetProperty("ces").GetInt32());
        Assert.Equal(answeredAt.ToUnixTimeMilliseconds(), observed.Message.GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task RecordResponse_SurveyWithoutNps_PublishesFeedbackReceivedWithoutRating()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(withNps: false));

        var responseId = await RecordCreatedAsync(client, surveyId, Response(answers: new { csat = 5 }));

        var observed = await probe.WaitForAsync(message => message.GetGuid("feedbackId") == responseId, "FeedbackReceived should be published");
        Assert.False(observed.Message.TryGetProperty("rating", out var rating) && rating.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(5, observed.Message.GetProperty("csat").GetInt32());
    }

    public static TheoryData<string, string> InvalidResponses => new()
    {
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 11 } }""", "answers.nps" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 7.5 } }""", "answers.nps" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": "9" } }""", "answers.nps" },
        { """{ "branch": "central", "channel": "phone", "answers": { "csat": 5 } }""", "answers.nps" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": null } }""", "answers.nps" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "csat": 0 } }""", "answers.csat" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "ces": 8 } }""", "answers.ces" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "staff": 0 } }""", "answers.staff" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "visit": "online" } }""", "answers.visit" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "visit": ["shop"] } }""", "answers.visit" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "liked": [] } }""", "answers.liked" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "liked": ["price", "price"] } }""", "answers.liked" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "comment": 42 } }""", "answers.comment" },
        { """{ "branch": "central", "channel": "phone", "answers": { "nps": 9, "bogus": 1 } }""", "answers.bogus" },
        { """{ "branch": "central", "channel": "phone", "version": 2, "answers": { "nps": 9 } }""", "version" },
        { """{ "branch": "central", "channel": "phone", "version": 0, "answers": { "nps": 9 } }""", "version" },
        { """{ "branch": "central", "channel": "phone", "language": "english", "answers": { "nps": 9 } }""", "language" },
        { """{ "branch": "central", "channel": "phone", "answeredAt": "2999-01-01T00:00:00Z", "answers": { "nps": 9 } }""", "answeredAt" },
        { """{ "branch": "central", "channel": "phone", "answeredAt": "0001-01-01T00:00:00Z", "answers": { "nps": 9 } }""", "answeredAt" },
        { """{ "branch": "central", "answers": { "nps": 9 } }""", "channel" },
        { """{ "channel": "phone", "answers": { "nps": 9 } }""", "branch" },
        { """{ "branch": "central", "channel": "phone" }""", "answers" },
    };

    [Theory]
    [MemberData(nameof(InvalidResponses))]
    public async Task RecordResponse_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ResponsesOf(surveyId), content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
    }

    [Fact]
    public async Task RecordResponse_WithUnknownChannel_Returns400MalformedJson()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var content = new StringContent("""{ "branch": "central", "channel": "pigeon", "answers": { "nps": 9 } }""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ResponsesOf(surveyId), content);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task RecordResponse_DraftOrArchivedSurvey_Returns409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var draftId = await CreateSurveyAsync(client, EveryTypeSurvey(), publish: false);
        var archivedId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var archive = await client.PostAsync($"{SurveysPath}/{archivedId}/archive", null);

        using var draft = await RecordAsync(client, draftId, Response());
        using var archived = await RecordAsync(client, archivedId, Response());

        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        await ProblemResponse.ReadAsync(draft, HttpStatusCode.Conflict, "survey-not-published");
        await ProblemResponse.ReadAsync(archived, HttpStatusCode.Conflict, "survey-archived");
    }

    [Fact]
    public async Task RecordResponse_ForABranchTheSurveyIsNotMeantFor_Returns422()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(branches: ["north"]));

        using var response = await RecordAsync(client, surveyId, Response(branch: "south"));

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "survey-not-for-branch");
    }

    [Fact]
    public async Task RecordResponse_AfterANewVersion_DefaultsToTheLatestAndCanAnswerTheOlderOne()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(withNps: false));
        using var current = await client.GetAsync($"{SurveysPath}/{surveyId}");
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"{SurveysPath}/{surveyId}") { Content = JsonContent.Create(EveryTypeSurvey()) };
        edit.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        using var edited = await client.SendAsync(edit);
        using var second = await client.PostAsync($"{SurveysPath}/{surveyId}/publish", null);

        using var latest = await RecordAsync(client, surveyId, Response(answers: new { nps = 10 }));
        using var older = await RecordAsync(client, surveyId, Response(version: 1, answers: new { csat = 3 }));
        using var olderWithNewQuestion = await RecordAsync(client, surveyId, Response(version: 1, answers: new { nps = 10 }));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, latest.StatusCode);
        Assert.Equal(2, (await FeedbackApi.ReadJsonAsync(latest)).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Created, older.StatusCode);
        var pinned = await FeedbackApi.ReadJsonAsync(older);
        Assert.Equal(1, pinned.GetProperty("version").GetInt32());
        Assert.False(pinned.TryGetProperty("nps", out _));
        var problem = await ProblemResponse.ReadAsync(olderWithNewQuestion, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "answers.nps");
    }

    [Fact]
    public async Task RecordResponse_ReplayedWithSameKey_ReturnsStoredResponseAndRecordsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var key = Guid.NewGuid().ToString();
        using var first = await IdempotentRequest.PostAsync(client, ResponsesOf(surveyId), key, Response());

        using var replay = await IdempotentRequest.PostAsync(client, ResponsesOf(surveyId), key, Response());
        using var otherBody = await IdempotentRequest.PostAsync(client, ResponsesOf(surveyId), key, Response(branch: "north"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        await ProblemResponse.ReadAsync(otherBody, (HttpStatusCode)422, "idempotency-key-reused");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%feedback-received%'", ("tenant", tenantId)));
    }

    [Fact]
    public async Task ListResponses_NewestFirstInPagesAndByBranch()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var now = DateTimeOffset.UtcNow;
        var oldest = await RecordCreatedAsync(client, surveyId, Response(answeredAt: now.AddMinutes(-3)));
        var newest = await RecordCreatedAsync(client, surveyId, Response(answeredAt: now.AddMinutes(-1)));
        var north = await RecordCreatedAsync(client, surveyId, Response(branch: "north", answeredAt: now.AddMinutes(-2)));

        using var firstPage = await client.GetAsync($"{ResponsesOf(surveyId)}?limit=2");
        var first = await FeedbackApi.ReadJsonAsync(firstPage);
        using var secondPage = await client.GetAsync($"{ResponsesOf(surveyId)}?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var second = await FeedbackApi.ReadJsonAsync(secondPage);
        using var byBranch = await client.GetAsync($"{ResponsesOf(surveyId)}?branch=north");

        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);
        Assert.Equal([newest, north], first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal([oldest], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.Equal([north], (await FeedbackApi.ReadJsonAsync(byBranch)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("branch=%20", "branch")]
    public async Task ListResponses_WithBadQuery_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());

        using var response = await client.GetAsync($"{ResponsesOf(surveyId)}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task Responses_OfAnotherTenantOrUnknown_Return404AndStoreNothing()
    {
        var strangerId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(strangerId);
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());
        var responseId = await RecordCreatedAsync(owner, surveyId, Response());

        using var record = await RecordAsync(stranger, surveyId, Response());
        using var list = await stranger.GetAsync(ResponsesOf(surveyId));
        using var read = await stranger.GetAsync($"{ResponsesPath}/{responseId}");
        using var unknownSurvey = await RecordAsync(owner, Guid.NewGuid(), Response());
        using var unknownResponse = await owner.GetAsync($"{ResponsesPath}/{Guid.NewGuid()}");

        foreach (var response in new[] { record, list, read, unknownSurvey, unknownResponse })
        {
            await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        }

        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_responses", strangerId));
    }

    [Fact]
    public async Task Responses_BranchKeyForAnotherBranch_Returns403AndSeesOnlyItsOwn()
    {
        var tenantId = Guid.NewGuid();
        using var business = fixture.Service.CreateTenantClient(tenantId);
        using var southKey = BranchClient(fixture.Service, tenantId, "south");
        var surveyId = await CreateSurveyAsync(business, EveryTypeSurvey());
        var northResponse = await RecordCreatedAsync(business, surveyId, Response(branch: "north"));

        using var other = await RecordAsync(southKey, surveyId, Response(branch: "north"));
        using var own = await RecordAsync(southKey, surveyId, Response(branch: " south "));
        using var listOther = await southKey.GetAsync($"{ResponsesOf(surveyId)}?branch=north");
        using var listOwn = await southKey.GetAsync(ResponsesOf(surveyId));
        using var readOther = await southKey.GetAsync($"{ResponsesPath}/{northResponse}");

        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await ProblemResponse.ReadAsync(listOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(["south"], (await FeedbackApi.ReadJsonAsync(listOwn)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("branch").GetString()));
        await ProblemResponse.ReadAsync(readOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(2L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
    }
}
