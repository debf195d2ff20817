using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;
using static CustomerPlatform.Feedback.Tests.SurveyTriggerApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyTriggerSettingsTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task GetTriggers_NeverSet_Returns200WithNoneAndNoETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());

        using var response = await GetAsync(client, surveyId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(response)).GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public async Task PutTriggers_WithOmittedSettings_StoresTheDefaultsAndReadsBackWithTheSameETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(branches: ["central", "south"]));

        using var put = await PutAsync(client, surveyId, null, new { on = "serviceVisit", channels = new[] { "sms", "email" }, branches = new[] { "south" } });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var trigger = (await FeedbackApi.ReadJsonAsync(put)).GetProperty("triggers")[0];
        Assert.Equal("serviceVisit", trigger.GetProperty("on").GetString());
        Assert.Equal(0, trigger.GetProperty("delay").GetInt32());
        Assert.Equal(1.0, trigger.GetProperty("samplingRate").GetDouble());
        Assert.Equal(30, trigger.GetProperty("quietPeriodDays").GetInt32());
        Assert.Equal(["sms", "email"], trigger.GetProperty("channels").EnumerateArray().Select(channel => channel.GetString()));
        Assert.Equal(["south"], trigger.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString()));
        Assert.True(trigger.GetProperty("enabled").GetBoolean());
        using var read = await GetAsync(client, surveyId);
        Assert.Equal(put.Headers.ETag, read.Headers.ETag);
        Assert.Equal((await FeedbackApi.ReadJsonAsync(put)).ToString(), (await FeedbackApi.ReadJsonAsync(read)).ToString());
    }

    [Fact]
    public async Task PutTriggers_OnceSet_Needs428IfMatch_Refuses412Stale_AndTakes200Current()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var etag = await SetAsync(client, surveyId, Trigger());

        using var missing = await PutAsync(client, surveyId, null, Trigger(delay: 60));
        using var current = await PutAsync(client, surveyId, etag, Trigger(delay: 60));
        using var stale = await PutAsync(client, surveyId, etag, Trigger(delay: 90));

        await ProblemResponse.ReadAsync(missing, (HttpStatusCode)428, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.NotEqual(etag, current.Headers.ETag!.ToString());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        using var read = await GetAsync(client, surveyId);
        Assert.Equal(60, (await FeedbackApi.ReadJsonAsync(read)).GetProperty("triggers")[0].GetProperty("delay").GetInt32());
    }

    public static TheoryData<string, string> InvalidTriggers => new()
    {
        { """{ "triggers": [{ "channels": ["email"] }] }""", "triggers[0].on" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"], "samplingRate": 1.5 }] }""", "triggers[0].samplingRate" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"], "samplingRate": -0.1 }] }""", "triggers[0].samplingRate" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"], "delay": 43201 }] }""", "triggers[0].delay" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"], "quietPeriodDays": 366 }] }""", "triggers[0].quietPeriodDays" },
        { """{ "triggers": [{ "on": "purchase", "channels": [] }] }""", "triggers[0].channels" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email", "email"] }] }""", "triggers[0].channels" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"] }, { "on": "purchase", "channels": ["sms"] }] }""", "triggers[1].on" },
        { """{ "triggers": [{ "on": "purchase", "channels": ["email"], "branches": ["north"] }] }""", "triggers[0].branches" },
        { """{ "triggers": [null] }""", "triggers[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidTriggers))]
    public async Task PutTriggers_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(branches: ["central"]));

        using var response = await PutJsonAsync(client, surveyId, json);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
        using var read = await GetAsync(client, surveyId);
        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(read)).GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public async Task Triggers_OfAnotherBusinesssSurvey_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());

        using var get = await GetAsync(other, surveyId);
        using var put = await PutAsync(other, surveyId, null, Trigger());
        using var invitations = await other.GetAsync(new Uri(InvitationsOf(surveyId), UriKind.Relative));
        using var scheduled = await other.GetAsync(new Uri(ScheduledOf(surveyId), UriKind.Relative));

        await ProblemResponse.ReadAsync(get, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(put, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(invitations, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(scheduled, HttpStatusCode.NotFound, "not-found");
        using var read = await GetAsync(owner, surveyId);
        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(read)).GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public async Task PutTriggers_WithAKeyForABranchTheSurveyDoesNotStayWithin_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var centralOnly = await CreateSurveyAsync(client, EveryTypeSurvey(branches: ["central"]));
        var everyBranch = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var south = BranchClient(fixture.Service, tenantId, "south");
        using var central = BranchClient(fixture.Service, tenantId, "central");

        using var otherBranch = await PutAsync(south, centralOnly, null, Trigger());
        using var wholeBusiness = await PutAsync(central, everyBranch, null, Trigger());
        using var own = await PutAsync(central, centralOnly, null, Trigger());

        await ProblemResponse.ReadAsync(otherBranch, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(wholeBusiness, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task PutTriggers_OnAnArchivedSurvey_Returns409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var archive = await client.PostAsync(new Uri($"{SurveysPath}/{surveyId}/archive", UriKind.Relative), null);

        using var response = await PutAsync(client, surveyId, null, Trigger());

        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "survey-archived");
    }

    [Theory]
    [InlineData("invitations", "status=sent", "status")]
    [InlineData("scheduled-invitations", "state=done", "state")]
    [InlineData("invitations", "customerId=someone", "customerId")]
    [InlineData("scheduled-invitations", "cursor=nope", "cursor")]
    public async Task ListInvitations_WithABadFilter_Returns400NamingIt(string list, string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());

        using var response = await client.GetAsync(new Uri($"{SurveysPath}/{surveyId}/{list}?{query}", UriKind.Relative));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
    }
}
