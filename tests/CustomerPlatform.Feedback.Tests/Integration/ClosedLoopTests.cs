using System.Net;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ClosedLoopTests(ClosedLoopFixture fixture) : IClassFixture<ClosedLoopFixture>
{
    private const string SettingsPath = "/api/v1/feedback/closed-loop";
    private const string ComplaintReceivedExchange = "feedback.complaint-received.v1";

    [Fact]
    public async Task GetSettings_NeverSet_IsOffWithTheDefaultsAndNoETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri(SettingsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("platformDefault", body.GetProperty("source").GetString());
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(6, body.GetProperty("npsAtOrBelow").GetInt32());
        Assert.Equal(2, body.GetProperty("csatAtOrBelow").GetInt32());
        Assert.Equal("medium", body.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task DetractorResponse_WithTheLoopOffByDefault_OpensNoComplaint()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var responses = await BindResponsesAsync();
        await ComplaintsClient.SetCategoriesAsync(client, "billing");
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());

        var responseId = await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 0)));

        await HandledAsync(responses, responseId);
        Assert.Equal(0, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task DetractorResponse_WithTheLoopOn_OpensOneCaseWithDeadlinesThroughTheSamePathAsPostComplaints()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ComplaintReceivedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath, category: "billing", severity: "high");

        var responseId = await RecordCreatedAsync(client, surveyId, Response(customerId: customerId, channel: "letter", answers: FullAnswers(nps: 3)));

        var complaint = await SingleComplaintAsync(client, tenantId);
        Assert.Equal(responseId, complaint.GetProperty("sourceResponseId").GetGuid());
        Assert.Equal(customerId, complaint.GetProperty("customerId").GetGuid());
        Assert.Equal("central", complaint.GetProperty("branch").GetString());
        Assert.Equal("letter", complaint.GetProperty("channel").GetString());
        Assert.Equal("billing", complaint.GetProperty("category").GetString());
        Assert.Equal("high", complaint.GetProperty("severity").GetString());
        Assert.Equal("received", complaint.GetProperty("status").GetString());
        var description = complaint.GetProperty("description").GetString()!;
        Assert.Contains("NPS 3 of 10", description, StringComparison.Ordinal);
        Assert.Contains("CSAT 4 of 5", description, StringComparison.Ordinal);
        Assert.Contains("Ann at the till was lovely", description, StringComparison.Ordinal);
        var deadlines = complaint.GetProperty("deadlines");
        Assert.Equal(JsonValueKind.String, deadlines.GetProperty("acknowledge").GetProperty("dueAt").ValueKind);
        Assert.Equal(JsonValueKind.String, deadlines.GetProperty("resolve").GetProperty("dueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("followUp").ValueKind);
        var id = complaint.GetProperty("id").GetGuid();
        var received = await probe.WaitForAsync(message => message.GetGuid("complaintId") == id, $"ComplaintReceived for {id} should be published");
        Assert.Equal(tenantId, received.GetGuid("tenantId"));
        Assert.Equal("high", received.GetString("severity"));
        Assert.Equal(deadlines.GetProperty("resolve").GetProperty("dueAt").GetDateTimeOffset(), received.Message.GetProperty("resolveDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PromoterResponse_WithTheLoopOn_OpensNoComplaint()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var responses = await BindResponsesAsync();
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath);

        var responseId = await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 9)));

        await HandledAsync(responses, responseId);
        Assert.Equal(0, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task DetractorResponse_AnsweredLongAgo_WithTheLoopOn_OpensNoComplaint()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var responses = await BindResponsesAsync();
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath);

        var responseId = await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 0), answeredAt: DateTimeOffset.UtcNow.AddDays(-30)));

        await HandledAsync(responses, responseId);
        Assert.Equal(0, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task LowCsat_WithAPromoterNps_OpensAComplaint()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath);
        var answers = FullAnswers(nps: 10);
        answers["csat"] = 1;

        await RecordCreatedAsync(client, surveyId, Response(answers: answers));

        var complaint = await SingleComplaintAsync(client, tenantId);
        Assert.Contains("CSAT 1 of 5", complaint.GetProperty("description").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurveyOverride_BeatsTheBusinessDefault_AndDeleteFallsBackToIt()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var responses = await BindResponsesAsync();
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath);
        var overridePath = SurveySettingsOf(surveyId);
        using (var off = await ComplaintsClient.SendAsync(client, HttpMethod.Put, overridePath, new { enabled = false }, null))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        var silenced = await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 1)));
        await HandledAsync(responses, silenced);
        var countWithOverride = await fixture.Database.CountForTenantAsync("complaints", tenantId);
        var etag = (await GetAsync(client, overridePath)).ETag;
        using var deleted = await SendAsync(client, HttpMethod.Delete, overridePath, etag);
        var fallback = await GetAsync(client, overridePath);
        await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 1)));

        Assert.Equal(0, countWithOverride);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("business", fallback.Body.GetProperty("source").GetString());
        Assert.True(fallback.Body.GetProperty("enabled").GetBoolean());
        Assert.Null(fallback.ETag);
        await SingleComplaintAsync(client, tenantId);
    }

    [Fact]
    public async Task SurveyOverride_On_WhileTheBusinessIsOff_OpensForThatSurveyOnly()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var responses = await BindResponsesAsync();
        var looped = await CreateSurveyAsync(client, EveryTypeSurvey());
        var other = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SurveySettingsOf(looped), npsAtOrBelow: 4);

        var otherResponse = await RecordCreatedAsync(client, other, Response(answers: FullAnswers(nps: 0)));
        var aboveThreshold = await RecordCreatedAsync(client, looped, Response(answers: FullAnswers(nps: 5)));
        var opened = await RecordCreatedAsync(client, looped, Response(answers: FullAnswers(nps: 4)));

        var complaint = await SingleComplaintAsync(client, tenantId);
        Assert.Equal(opened, complaint.GetProperty("sourceResponseId").GetGuid());
        await HandledAsync(responses, otherResponse);
        await HandledAsync(responses, aboveThreshold);
        Assert.Equal(1, await fixture.Database.CountForTenantAsync("complaints", tenantId));
        var settings = await GetAsync(client, SurveySettingsOf(looped));
        Assert.Equal("survey", settings.Body.GetProperty("source").GetString());
        Assert.Equal(looped, settings.Body.GetProperty("surveyId").GetGuid());
    }

    [Fact]
    public async Task DetractorEvent_DeliveredAgainOrRepublished_OpensOneCase()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath);
        var responseId = await RecordCreatedAsync(client, surveyId, Response(answers: FullAnswers(nps: 2)));
        await SingleComplaintAsync(client, tenantId);
        var message = ResponseEvent(tenantId, surveyId, responseId, nps: 2, csat: 4);
        var messageId = Guid.NewGuid();
        var republishedId = Guid.NewGuid();

        await fixture.PublishAsync(message, messageId);
        await fixture.PublishAsync(message, messageId);
        await fixture.PublishAsync(message, republishedId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2, queue: ClosedLoopFixture.ClosedLoopQueue);
        await fixture.WaitUntilConsumedAsync(republishedId, queue: ClosedLoopFixture.ClosedLoopQueue);

        Assert.Equal(1, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task FollowUpAnswer_ThroughThePublicPage_RecordsRecoveryOnTheCase_OpensNoCase_AndCountsInTheRecoveryRate()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var followUpSurveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await EnableAsync(client, SettingsPath, npsAtOrBelow: 10);
        await SurveyTriggerApi.SetAsync(client, followUpSurveyId, SurveyTriggerApi.Trigger(on: "complaintResolved"));
        await ConsentAsync(tenantId, customerId);
        await RecordCreatedAsync(client, surveyId, Response(customerId: customerId, answers: FullAnswers(nps: 2)));
        var complaint = await SingleComplaintAsync(client, tenantId);
        var complaintId = complaint.GetProperty("id").GetGuid();
        using (var etagRead = await client.GetAsync(new Uri($"{ComplaintsClient.ComplaintsPath}/{complaintId}", UriKind.Relative)))
        {
            await ComplaintsClient.WalkAsync(client, complaintId, etagRead.Headers.ETag!.ToString(), "acknowledged", "investigating", "resolved");
        }

        var invitation = await Eventually.GetAsync<JsonElement?>(
            async () => (await SurveyTriggerApi.ListAsync(client, $"{SurveyTriggerApi.InvitationsOf(followUpSurveyId)}?customerId={customerId}"))
                .Select(row => (JsonElement?)row).FirstOrDefault(),
            "the follow-up survey should invite the customer");
        Assert.Equal("complaintFollowUp", invitation!.Value.GetProperty("reason").GetString());
        using var customer = fixture.Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var answered = await customer.PostAsync(
            invitation.Value.GetProperty("url").GetString(), new FormUrlEncodedContent([new("nps", "8"), new("csat", "3")]));
        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);

        var followUp = await Eventually.GetAsync<JsonElement?>(
            async () =>
            {
                var body = await GetComplaintAsync(client, complaintId);
                return body.GetProperty("followUp").ValueKind == JsonValueKind.Object ? body.GetProperty("followUp") : null;
            },
            "the case should record the follow-up answer");
        Assert.Equal(8, followUp!.Value.GetProperty("nps").GetInt32());
        Assert.Equal(3, followUp.Value.GetProperty("csat").GetInt32());
        Assert.True(followUp.Value.GetProperty("recovered").GetBoolean());
        var responses = await SurveyTriggerApi.ListAsync(client, ResponsesOf(followUpSurveyId));
        Assert.Equal(Assert.Single(responses).GetProperty("id").GetGuid(), followUp.Value.GetProperty("responseId").GetGuid());
        // The follow-up's NPS 8 is under this business's threshold of 10, yet it only follows up.
        Assert.Equal(1, await fixture.Database.CountForTenantAsync("complaints", tenantId));

        // One case recovered, one not (arranged in the table), one never answered: 1 of 2 answered.
        var (notRecovered, _) = await ComplaintsClient.OpenAsync(client);
        await ComplaintsClient.OpenAsync(client);
        await fixture.Database.ExecuteAsync(
            "UPDATE complaints SET follow_up_response_id = @response, follow_up_nps = 2, recovered = false, follow_up_answered_at = now() WHERE id = @id",
            ("response", Guid.NewGuid()), ("id", notRecovered.GetProperty("id").GetGuid()));
        var report = await ReportsApi.GetJsonAsync(client, $"{ReportsApi.ComplaintsReportPath}?{ReportsApi.MonthQuery(ReportsApi.ThisMonth)}");
        var csv = await ReportsApi.GetCsvAsync(client, $"{ReportsApi.ComplaintsReportPath}?{ReportsApi.MonthQuery(ReportsApi.ThisMonth)}&format=csv");
        Assert.Equal(3, ReportsApi.Group(report, "all").GetProperty("received").GetInt64());
        Assert.Equal(50.0m, ReportsApi.Group(report, "all").GetProperty("recoveryRate").GetDecimal());
        Assert.Equal(50.0m, decimal.Parse(Assert.Single(csv)["recoveryRate"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("{\"enabled\":true,\"npsAtOrBelow\":11,\"category\":\"billing\"}", "npsAtOrBelow")]
    [InlineData("{\"enabled\":true,\"npsAtOrBelow\":-1,\"category\":\"billing\"}", "npsAtOrBelow")]
    [InlineData("{\"enabled\":true,\"csatAtOrBelow\":0,\"category\":\"billing\"}", "csatAtOrBelow")]
    [InlineData("{\"enabled\":true,\"csatAtOrBelow\":6,\"category\":\"billing\"}", "csatAtOrBelow")]
    [InlineData("{\"enabled\":true}", "category")]
    [InlineData("{\"enabled\":true,\"category\":\"nonsense\"}", "category")]
    [InlineData("{\"enabled\":false,\"category\":\"  \"}", "category")]
    public async Task PutSettings_Invalid_Returns400WithTheFieldsError(string json, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await ComplaintsClient.SetCategoriesAsync(client, "billing");

        using var response = await client.PutAsync(new Uri(SettingsPath, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task PutSettings_OnceSet_Needs428IfMatch_Refuses412Stale_AndAcceptsTheCurrentETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var first = await EnableAsync(client, SettingsPath);
        var body = new { enabled = true, npsAtOrBelow = 3, category = "billing", severity = "low" };

        using var missing = await ComplaintsClient.SendAsync(client, HttpMethod.Put, SettingsPath, body, null);
        using var current = await ComplaintsClient.SendAsync(client, HttpMethod.Put, SettingsPath, body, first);
        using var stale = await ComplaintsClient.SendAsync(client, HttpMethod.Put, SettingsPath, body, first);

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.NotEqual(first, current.Headers.ETag!.ToString());
        var updated = await FeedbackApi.ReadJsonAsync(current);
        Assert.Equal(3, updated.GetProperty("npsAtOrBelow").GetInt32());
        Assert.Equal("low", updated.GetProperty("severity").GetString());
        Assert.Equal("business", updated.GetProperty("source").GetString());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task DeleteSurveyOverride_Stale_Returns412_AndWithoutIfMatch_428()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        var etag = await EnableAsync(client, SurveySettingsOf(surveyId));
        await EnableAsync(client, SurveySettingsOf(surveyId), npsAtOrBelow: 2, ifMatch: etag);

        using var missing = await SendAsync(client, HttpMethod.Delete, SurveySettingsOf(surveyId), null);
        using var stale = await SendAsync(client, HttpMethod.Delete, SurveySettingsOf(surveyId), etag);

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task SurveySettings_OfAnotherBusinessOrUnknownSurvey_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());
        await EnableAsync(owner, SurveySettingsOf(surveyId));

        using var read = await stranger.GetAsync(new Uri(SurveySettingsOf(surveyId), UriKind.Relative));
        using var write = await ComplaintsClient.SendAsync(stranger, HttpMethod.Put, SurveySettingsOf(surveyId), new { enabled = false }, "*");
        using var delete = await SendAsync(stranger, HttpMethod.Delete, SurveySettingsOf(surveyId), "*");
        using var unknown = await owner.GetAsync(new Uri(SurveySettingsOf(Guid.NewGuid()), UriKind.Relative));

        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(write, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(delete, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.True((await GetAsync(owner, SurveySettingsOf(surveyId))).Body.GetProperty("enabled").GetBoolean());
        Assert.False((await GetAsync(stranger, SettingsPath)).Body.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Settings_WithABranchRestrictedKey_CanBeReadButNotChanged403()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var branch = BranchClient(fixture.Service, tenantId, "central");
        await ComplaintsClient.SetCategoriesAsync(owner, "billing");
        var surveyId = await CreateSurveyAsync(owner, EveryTypeSurvey());
        var body = new { enabled = true, category = "billing" };

        using var business = await ComplaintsClient.SendAsync(branch, HttpMethod.Put, SettingsPath, body, "*");
        using var survey = await ComplaintsClient.SendAsync(branch, HttpMethod.Put, SurveySettingsOf(surveyId), body, "*");
        using var delete = await SendAsync(branch, HttpMethod.Delete, SurveySettingsOf(surveyId), "*");
        using var read = await branch.GetAsync(new Uri(SettingsPath, UriKind.Relative));

        await ProblemResponse.ReadAsync(business, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(survey, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(delete, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(0, await fixture.Database.CountForTenantAsync("closed_loop_settings", tenantId));
    }

    [Fact]
    public async Task OpenComplaint_ReplayedWithTheSameIdempotencyKey_OpensOneCase()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await ComplaintsClient.SetCategoriesAsync(client, "billing");
        var key = Guid.NewGuid().ToString();

        using var first = await IdempotentRequest.PostAsync(client, ComplaintsClient.ComplaintsPath, key, ComplaintsClient.Body());
        using var replay = await IdempotentRequest.PostAsync(client, ComplaintsClient.ComplaintsPath, key, ComplaintsClient.Body());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var opened = await FeedbackApi.ReadJsonAsync(first);
        Assert.Equal(opened.GetProperty("id").GetGuid(), (await FeedbackApi.ReadJsonAsync(replay)).GetProperty("id").GetGuid());
        Assert.Equal(1, await fixture.Database.CountForTenantAsync("complaints", tenantId));
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("sourceResponseId").ValueKind);
    }

    private static string SurveySettingsOf(Guid surveyId) => $"{SurveysPath}/{surveyId}/closed-loop";

    /// <summary>Turns the loop on at the path (creating the billing category) and returns the settings' ETag.</summary>
    private static async Task<string> EnableAsync(
        HttpClient client, string path, string category = "billing", string severity = "medium", int npsAtOrBelow = 6, string? ifMatch = null)
    {
        await ComplaintsClient.SetCategoriesAsync(client, "billing", "service");
        using var response = await ComplaintsClient.SendAsync(client, HttpMethod.Put, path, new { enabled = true, npsAtOrBelow, category, severity }, ifMatch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    private static async Task<(JsonElement Body, string? ETag)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await FeedbackApi.ReadJsonAsync(response), response.Headers.ETag?.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> GetComplaintAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"{ComplaintsClient.ComplaintsPath}/{id}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await FeedbackApi.ReadJsonAsync(response);
    }

    /// <summary>Waits for the loop to open the tenant's case, then checks it opened exactly one; the case in full.</summary>
    private async Task<JsonElement> SingleComplaintAsync(HttpClient client, Guid tenantId)
    {
        await Eventually.AssertAsync(
            async () => await fixture.Database.CountForTenantAsync("complaints", tenantId) > 0, "the closed loop should open a complaint");
        Assert.Equal(1, await fixture.Database.CountForTenantAsync("complaints", tenantId));
        var items = await SurveyTriggerApi.ListAsync(client, ComplaintsClient.ComplaintsPath);
        return await GetComplaintAsync(client, Assert.Single(items).GetProperty("id").GetGuid());
    }

    private static FeedbackReceived ResponseEvent(Guid tenantId, Guid surveyId, Guid responseId, int? nps, int? csat) => new()
    {
        TenantId = tenantId,
        FeedbackId = responseId,
        Branch = "central",
        Rating = nps,
        Source = "survey",
        Channel = "phone",
        SurveyId = surveyId,
        SurveyVersion = 1,
        ResponseId = responseId,
        Nps = nps,
        Csat = csat,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private Task<EventProbe> BindResponsesAsync() => EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);

    /// <summary>Waits until the loop has handled the response's own event, so whatever it was going to do about it is done.</summary>
    private async Task HandledAsync(EventProbe responses, Guid responseId)
    {
        var published = await responses.WaitForAsync(message => message.GetGuid("feedbackId") == responseId, $"FeedbackReceived for {responseId} should be published");
        await fixture.WaitUntilConsumedAsync(published.MessageId, queue: ClosedLoopFixture.ClosedLoopQueue);
    }

    private async Task ConsentAsync(Guid tenantId, Guid customerId)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(
            new CustomerConsentChanged { TenantId = tenantId, CustomerId = customerId, Channel = "email", Granted = true, Source = "central", OccurredAt = DateTimeOffset.UtcNow },
            messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }
}
