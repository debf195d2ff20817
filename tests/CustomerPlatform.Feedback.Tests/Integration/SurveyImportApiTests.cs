using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerPlatform.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyImportApiTests(FeedbackServiceFixture fixture, ITestOutputHelper output) : IClassFixture<FeedbackServiceFixture>
{
    private static readonly string OldTime = DateTimeOffset.UtcNow.AddYears(-2).ToString("O");

    [Fact]
    public async Task ImportResponses_Json_StoresEveryRowAndPublishesFeedbackReceived()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();

        using var response = await client.PostAsJsonAsync(ImportPath(surveyId), new
        {
            rows = new object[]
            {
                new { customerId, branch = "central", channel = "letter", answeredAt = OldTime, answers = FullAnswers(nps: 2) },
                new { branch = "central", channel = "inPerson", language = "fr-FR", answeredAt = DateTimeOffset.UtcNow.AddDays(-1), answers = new { nps = 10 } },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await FeedbackApi.ReadJsonAsync(response)).GetProperty("imported").GetInt32());
        Assert.Equal(2L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("tenantId") == tenantId && message.Message.TryGetProperty("customerId", out var id) && id.ValueKind != System.Text.Json.JsonValueKind.Null,
            "FeedbackReceived for the imported row with a customer");
        Assert.Equal("survey", observed.GetString("source"));
        Assert.Equal("letter", observed.GetString("channel"));
        Assert.Equal(2, observed.Message.GetProperty("rating").GetInt32());
        Assert.Equal(surveyId, observed.GetGuid("surveyId"));
    }

    [Fact]
    public async Task ImportResponses_Csv_StoresEveryRowWithMultipleChoices()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var csv = $"""
            customerId,branch,channel,language,answeredAt,nps,liked,comment
            {Guid.NewGuid()},central,phone,en-GB,{OldTime},9,price|speed,"Lovely, really"
            ,central,web,,2026-01-05T10:00:00Z,3,,
            """;

        using var response = await PostCsvAsync(client, surveyId, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await FeedbackApi.ReadJsonAsync(response)).GetProperty("imported").GetInt32());
        using var list = await client.GetAsync(ResponsesOf(surveyId));
        var items = (await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray().ToList();
        var card = items.Single(item => item.GetProperty("nps").GetInt32() == 9);
        var answers = card.GetProperty("answers").EnumerateArray().ToDictionary(answer => answer.GetProperty("key").GetString()!);
        Assert.Equal(["price", "speed"], answers["liked"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        Assert.Equal("Lovely, really", answers["comment"].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ImportResponses_JsonWithOneBadRow_Returns400NamingTheRowAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var rows = Enumerable.Range(0, 5).Select(index => (object)new { branch = "central", channel = "phone", answeredAt = OldTime, answers = new { nps = index == 3 ? 11 : 7 } }).ToArray();

        using var response = await client.PostAsJsonAsync(ImportPath(surveyId), new { rows });
        using var future = await client.PostAsJsonAsync(ImportPath(surveyId), new { rows = new[] { new { branch = "central", channel = "phone", answeredAt = DateTimeOffset.UtcNow.AddDays(2), answers = new { nps = 7 } } } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "rows[3].answers.nps");
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(future, HttpStatusCode.BadRequest, "validation"), "rows[0].answeredAt");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
        Assert.Equal(0L, await FeedbackReceivedCountAsync(tenantId));
    }

    [Fact]
    public async Task ImportResponses_CsvWithOneBadRow_Returns400NamingTheLineAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var csv = $"""
            customerId,branch,channel,language,answeredAt,nps
            ,central,phone,,{OldTime},9
            ,central,phone,,{OldTime},8
            ,central,phone,,{OldTime},ten
            """;

        using var response = await PostCsvAsync(client, surveyId, csv);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "line 4: answers.nps");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
    }

    [Fact]
    public async Task ImportResponses_IdempotentReplay_ReturnsTheStoredAnswerAndImportsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var body = new { rows = new[] { new { branch = "central", channel = "phone", answeredAt = OldTime, answers = new { nps = 6 } } } };
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, ImportPath(surveyId), key, body);
        using var replay = await IdempotentRequest.PostAsync(client, ImportPath(surveyId), key, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await FeedbackApi.ReadJsonAsync(replay)).GetProperty("imported").GetInt32());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
    }

    [Fact]
    public async Task ImportResponses_AnotherTenantsSurveyOrOtherBranch_Returns404Or403()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var south = BranchClient(fixture.Service, tenantId, "south");
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());
        var body = new { rows = new[] { new { branch = "north", channel = "phone", answeredAt = OldTime, answers = new { nps = 6 } } } };

        using var foreign = await stranger.PostAsJsonAsync(ImportPath(surveyId), body);
        using var otherBranch = await south.PostAsJsonAsync(ImportPath(surveyId), body);

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(otherBranch, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
    }

    [Fact]
    public async Task ImportResponses_5000Rows_ImportsThemAll()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var rows = Enumerable.Range(0, 5000).Select(index => (object)new { branch = "central", channel = "letter", answeredAt = OldTime, answers = FullAnswers(nps: index % 11) }).ToArray();
        var watch = Stopwatch.StartNew();

        using var response = await client.PostAsJsonAsync(ImportPath(surveyId), new { rows });

        output.WriteLine($"5000 rows imported in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5000L, await fixture.Database.CountForTenantAsync("survey_responses", tenantId));
        Assert.Equal(5000L, await FeedbackReceivedCountAsync(tenantId));
    }

    private async Task<long> FeedbackReceivedCountAsync(Guid tenantId) =>
        await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%feedback-received%'", ("tenant", tenantId));

    private static string ImportPath(Guid surveyId) => $"{ResponsesOf(surveyId)}/import";

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient client, Guid surveyId, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await client.PostAsync(ImportPath(surveyId), content);
    }
}
