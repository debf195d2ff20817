using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class InvitationApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    private const string InvitationsPath = "/api/v1/feedback/invitations";
    private const string InvitationCreatedExchange = "feedback.survey-invitation-created.v1";

    private static string InvitationsOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/invitations";

    private static object Invite(string branch = "central", Guid? customerId = null, string? channel = "email", string? language = null, int? expiresInDays = null) =>
        new { customerId, branch, channel, language, expiresInDays };

    [Fact]
    public async Task Invite_ToPublishedSurvey_Returns201WithAPendingSingleUseLinkReadableAgain()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostAsJsonAsync(InvitationsOf(surveyId), Invite(customerId: customerId, channel: "sms"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{InvitationsPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(surveyId, body.GetProperty("surveyId").GetGuid());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(customerId, body.GetProperty("customerId").GetGuid());
        Assert.Equal("sms", body.GetProperty("channel").GetString());
        Assert.Equal("manual", body.GetProperty("reason").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("en-GB", body.GetProperty("language").GetString());
        var url = body.GetProperty("url").GetString()!;
        Assert.Matches("^/s/[A-Za-z0-9_-]{43}$", url);
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, before.AddDays(14).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(14).AddSeconds(5));
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body.ToString(), (await FeedbackApi.ReadJsonAsync(read)).ToString());
    }

    [Fact]
    public async Task Invite_TwoInvitations_HaveDifferentLinks()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());

        var first = await InviteCreatedAsync(client, surveyId, Invite());
        var second = await InviteCreatedAsync(client, surveyId, Invite());

        Assert.NotEqual(first.GetProperty("url").GetString(), second.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Invite_PublishesSurveyInvitationCreatedWithTheLinkForTheBusinesssMailer()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, InvitationCreatedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var customerId = Guid.NewGuid();

        var body = await InviteCreatedAsync(client, surveyId, Invite(customerId: customerId, expiresInDays: 3));

        var id = body.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("invitationId") == id, $"SurveyInvitationCreated for {id} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(surveyId, observed.GetGuid("surveyId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("central", observed.GetString("branch"));
        Assert.Equal("email", observed.GetString("channel"));
        Assert.Equal("en-GB", observed.GetString("language"));
        Assert.Equal("manual", observed.GetString("reason"));
        Assert.Equal(body.GetProperty("url").GetString(), observed.GetString("url"));
        Assert.Equal(
            body.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds(),
            observed.Message.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Invite_InALanguageEveryQuestionHas_KeepsIt_OtherwiseTheSurveysDefault()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, new
        {
            name = "Bilingual",
            kind = "nps",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = new Dictionary<string, string> { ["en-GB"] = "Recommend us?", ["fr-FR"] = "Nous recommanderiez-vous ?" } },
                new { key = "why", type = "freeText", text = new Dictionary<string, string> { ["en-GB"] = "Why?", ["fr-FR"] = "Pourquoi ?", ["de-DE"] = "Warum?" } },
            },
        });

        var french = await InviteCreatedAsync(client, surveyId, Invite(language: "fr-fr"));
        var german = await InviteCreatedAsync(client, surveyId, Invite(language: "de-DE"));

        Assert.Equal("fr-FR", french.GetProperty("language").GetString());
        Assert.Equal("en-GB", german.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Invite_ToADraftOrArchivedSurvey_Returns409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var draftId = await CreateSurveyAsync(client, EveryTypeSurvey(), publish: false);
        var archivedId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var archive = await client.PostAsync($"{SurveysPath}/{archivedId}/archive", null);

        using var draft = await client.PostAsJsonAsync(InvitationsOf(draftId), Invite());
        using var archived = await client.PostAsJsonAsync(InvitationsOf(archivedId), Invite());

        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        await ProblemResponse.ReadAsync(draft, HttpStatusCode.Conflict, "survey-not-published");
        await ProblemResponse.ReadAsync(archived, HttpStatusCode.Conflict, "survey-archived");
    }

    [Fact]
    public async Task Invite_ForABranchTheSurveyIsNotFor_Returns422()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey(branches: ["central"]));

        using var response = await client.PostAsJsonAsync(InvitationsOf(surveyId), Invite(branch: "south"));

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "survey-not-for-branch");
    }

    public static TheoryData<string, string> InvalidInvitations => new()
    {
        { """{ "channel": "email" }""", "branch" },
        { """{ "branch": "central" }""", "channel" },
        { """{ "branch": "central", "channel": "email", "language": "english" }""", "language" },
        { """{ "branch": "central", "channel": "email", "expiresInDays": 0 }""", "expiresInDays" },
        { """{ "branch": "central", "channel": "email", "expiresInDays": 91 }""", "expiresInDays" },
    };

    [Theory]
    [MemberData(nameof(InvalidInvitations))]
    public async Task Invite_BreakingARule_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(InvitationsOf(surveyId), content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("survey_invitations", tenantId));
    }

    [Fact]
    public async Task Invite_ReplayedWithSameKey_ReturnsStoredResponseAndInvitesOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var key = Guid.NewGuid().ToString();
        using var first = await IdempotentRequest.PostAsync(client, InvitationsOf(surveyId), key, Invite());
        var firstBody = await first.Content.ReadAsStringAsync();

        using var replay = await IdempotentRequest.PostAsync(client, InvitationsOf(surveyId), key, Invite());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("survey_invitations", tenantId));
    }

    [Fact]
    public async Task Invitations_OfAnotherTenant_Return404_AndAnotherBranchs_Return403()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());
        var invitationId = (await InviteCreatedAsync(owner, surveyId, Invite(branch: "central"))).GetProperty("id").GetGuid();
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var south = BranchClient(fixture.Service, tenantId, "south");

        using var otherInvite = await other.PostAsJsonAsync(InvitationsOf(surveyId), Invite());
        using var otherRead = await other.GetAsync($"{InvitationsPath}/{invitationId}");
        using var southInvite = await south.PostAsJsonAsync(InvitationsOf(surveyId), Invite(branch: "central"));
        using var southRead = await south.GetAsync($"{InvitationsPath}/{invitationId}");

        await ProblemResponse.ReadAsync(otherInvite, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(otherRead, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(southInvite, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(southRead, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<System.Text.Json.JsonElement> InviteCreatedAsync(HttpClient client, Guid surveyId, object invite)
    {
        using var created = await client.PostAsJsonAsync(InvitationsOf(surveyId), invite);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await FeedbackApi.ReadJsonAsync(created);
    }
}
