using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ComplaintsClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

/// <summary>Complaint targets, due times on the branch's hours, waiting on the customer, met/missed and overdue.</summary>
[Trait("Category", "Integration")]
public sealed class ComplaintDeadlinesTests(FeedbackBranchesFixture fixture) : IClassFixture<FeedbackBranchesFixture>
{
    private const string TargetsPath = "/api/v1/feedback/complaint-targets";

    [Fact]
    public async Task OpenComplaint_AtABranchRegisteredThroughItsEvent_IsDueOnTheBranchHoursAndPublishesTheDueTimes()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var branch = new BranchRegistered
        {
            TenantId = tenantId,
            Code = "north",
            Name = "North",
            TimeZone = "Europe/London",
            OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningPeriod(day, new TimeOnly(10, 0), new TimeOnly(12, 0)))],
            Holidays = [],
            Revision = 1,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(branch, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-received.v1");

        var (complaint, _) = await OpenAsync(client, Body(branch: "north"));

        var deadlines = complaint.GetProperty("deadlines");
        var receivedAt = complaint.GetProperty("receivedAt").GetDateTimeOffset();
        var calendar = BusinessCalendar.Of(branch);
        Assert.Equal("branchHours", deadlines.GetProperty("clock").GetString());
        Assert.Equal(0, deadlines.GetProperty("targetsVersion").GetInt32());
        Assert.Equal(calendar.Add(receivedAt, TimeSpan.FromHours(8)), DueAt(deadlines, "acknowledge"));
        Assert.Equal(calendar.Add(receivedAt, TimeSpan.FromHours(40)), DueAt(deadlines, "resolve"));
        var id = complaint.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintReceived should be published");
        Assert.Equal(DueAt(deadlines, "acknowledge"), observed.Message.GetProperty("acknowledgeDueAt").GetDateTimeOffset());
        Assert.Equal(DueAt(deadlines, "resolve"), observed.Message.GetProperty("resolveDueAt").GetDateTimeOffset());
        Assert.Equal(0, observed.Message.GetProperty("targetsVersion").GetInt32());
    }

    [Fact]
    public async Task OpenComplaint_AtAnUnknownBranch_RunsRoundTheClock()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        var (complaint, _) = await OpenAsync(client, Body(branch: "nowhere"));

        var deadlines = complaint.GetProperty("deadlines");
        var receivedAt = complaint.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.Equal("alwaysOpen", deadlines.GetProperty("clock").GetString());
        Assert.Equal(receivedAt.AddHours(8), DueAt(deadlines, "acknowledge"));
        Assert.Equal(receivedAt.AddHours(40), DueAt(deadlines, "resolve"));
        Assert.False(Deadline(deadlines, "acknowledge").TryGetProperty("met", out _), "met is absent while pending");
    }

    [Fact]
    public async Task GetComplaintTargets_NeverSet_IsThePlatformDefaultAtVersion0()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri(TargetsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.ToString());
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("platformDefault", body.GetProperty("source").GetString());
        var row = Assert.Single(body.GetProperty("targets").EnumerateArray().ToList());
        Assert.Equal((480, 2400), (row.GetProperty("acknowledgeWithinMinutes").GetInt32(), row.GetProperty("resolveWithinMinutes").GetInt32()));
    }

    [Fact]
    public async Task ReplaceComplaintTargets_WithoutIfMatch_Returns428_WithAStaleOne412_WithTheCurrentOneANewVersion()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var missing = await SendAsync(client, HttpMethod.Put, TargetsPath, Targets(60), ifMatch: null);
        using var stale = await SendAsync(client, HttpMethod.Put, TargetsPath, Targets(60), ifMatch: "\"7\"");
        using var first = await SendAsync(client, HttpMethod.Put, TargetsPath, Targets(60), ifMatch: "\"0\"");
        using var replayedETag = await SendAsync(client, HttpMethod.Put, TargetsPath, Targets(90), ifMatch: "\"0\"");
        using var get = await client.GetAsync(new Uri(TargetsPath, UriKind.Relative));

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"1\"", first.Headers.ETag!.ToString());
        await ProblemResponse.ReadAsync(replayedETag, HttpStatusCode.PreconditionFailed, "precondition-failed");
        var body = await FeedbackApi.ReadJsonAsync(get);
        Assert.Equal((1, "businessDefault"), (body.GetProperty("version").GetInt32(), body.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task ReplaceComplaintTargets_WithoutADefaultRowOrWithResolveBeforeAcknowledge_Returns400NamingTheFields()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var noDefault = await SendAsync(client, HttpMethod.Put, TargetsPath,
            new { targets = new[] { new { severity = "high", acknowledgeWithinMinutes = 60, resolveWithinMinutes = 120 } } }, "\"0\"");
        using var backwards = await SendAsync(client, HttpMethod.Put, TargetsPath,
            new { targets = new[] { new { acknowledgeWithinMinutes = 120, resolveWithinMinutes = 60 } } }, "\"0\"");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(noDefault, HttpStatusCode.BadRequest, "validation"), "targets");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(backwards, HttpStatusCode.BadRequest, "validation"), "targets[0].resolveWithinMinutes");
    }

    [Fact]
    public async Task ReplaceComplaintTargets_WithABranchKey_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await SendAsBranchAsync(client, tenantId, "north", HttpMethod.Put, TargetsPath, Targets(60), "\"0\"");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CaseOpenedBeforeATargetsChange_KeepsItsPinnedVersionAndDueTimes()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (before, _) = await OpenAsync(client, Body(branch: "nowhere"));
        using var put = await SendAsync(client, HttpMethod.Put, TargetsPath, Targets(60), "\"0\"");

        var (after, _) = await OpenAsync(client, Body(branch: "nowhere"));
        using var reread = await client.GetAsync(new Uri($"{ComplaintsPath}/{before.GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var beforeNow = (await FeedbackApi.ReadJsonAsync(reread)).GetProperty("deadlines");
        Assert.Equal(0, beforeNow.GetProperty("targetsVersion").GetInt32());
        Assert.Equal(DueAt(before.GetProperty("deadlines"), "acknowledge"), DueAt(beforeNow, "acknowledge"));
        var afterDeadlines = after.GetProperty("deadlines");
        Assert.Equal(1, afterDeadlines.GetProperty("targetsVersion").GetInt32());
        Assert.Equal(after.GetProperty("receivedAt").GetDateTimeOffset().AddMinutes(60), DueAt(afterDeadlines, "acknowledge"));
    }

    [Fact]
    public async Task WaitOnCustomerThenResume_PausesAndRestartsTheResolutionClock_AndRefusesWhatDoesNotApply()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client, Body(branch: "nowhere"));
        var id = complaint.GetProperty("id").GetGuid();
        using var tooEarly = await SendAsync(client, HttpMethod.Post, WaitPath(id), new { }, etag);
        etag = await WalkAsync(client, id, etag, "acknowledged");

        using var withoutIfMatch = await SendAsync(client, HttpMethod.Post, WaitPath(id), new { }, ifMatch: null);
        using var wait = await SendAsync(client, HttpMethod.Post, WaitPath(id), new { }, etag);
        Assert.True(wait.StatusCode == HttpStatusCode.OK, await wait.Content.ReadAsStringAsync());
        var waitingETag = wait.Headers.ETag!.ToString();
        using var again = await SendAsync(client, HttpMethod.Post, WaitPath(id), new { }, waitingETag);
        using var resume = await SendAsync(client, HttpMethod.Post, ResumePath(id), new { }, waitingETag);
        using var resumeAgain = await SendAsync(client, HttpMethod.Post, ResumePath(id), new { }, resume.Headers.ETag!.ToString());

        await ProblemResponse.ReadAsync(tooEarly, HttpStatusCode.Conflict, "cannot-wait-on-customer");
        await ProblemResponse.ReadAsync(withoutIfMatch, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, wait.StatusCode);
        var waiting = (await FeedbackApi.ReadJsonAsync(wait)).GetProperty("deadlines");
        Assert.True(waiting.GetProperty("waitingOnCustomer").GetBoolean());
        Assert.False(Deadline(waiting, "resolve").GetProperty("overdue").GetBoolean());
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "cannot-wait-on-customer");
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        var resumed = (await FeedbackApi.ReadJsonAsync(resume)).GetProperty("deadlines");
        Assert.False(resumed.GetProperty("waitingOnCustomer").GetBoolean());
        var history = Assert.Single(resumed.GetProperty("waits").EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.String, history.GetProperty("endedAt").ValueKind);
        Assert.True(DueAt(resumed, "resolve") >= DueAt(complaint.GetProperty("deadlines"), "resolve"));
        await ProblemResponse.ReadAsync(resumeAgain, HttpStatusCode.Conflict, "not-waiting");
    }

    [Fact]
    public async Task AcknowledgingAfterTheDueTime_IsMissed_AndTheCaseWasListedAsOverdueUntilThen()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (late, _) = await OpenAsync(client, Body(branch: "nowhere"));
        var (onTime, _) = await OpenAsync(client, Body(branch: "nowhere"));
        var lateId = late.GetProperty("id").GetGuid();
        await fixture.Database.ExecuteAsync(
            "UPDATE complaints SET acknowledge_due_at = now() - interval '1 hour', next_due_at = now() - interval '1 hour' WHERE id = @id",
            ("id", lateId));
        using var beforeAcknowledging = await client.GetAsync(new Uri($"{ComplaintsPath}/{lateId}", UriKind.Relative));
        var etag = beforeAcknowledging.Headers.ETag!.ToString();

        using var overdueList = await client.GetAsync(new Uri($"{ComplaintsPath}?overdue=true", UriKind.Relative));
        await WalkAsync(client, lateId, etag, "acknowledged");
        await WalkAsync(client, onTime.GetProperty("id").GetGuid(), (await ReadETagAsync(client, onTime)), "acknowledged");
        using var lateNow = await client.GetAsync(new Uri($"{ComplaintsPath}/{lateId}", UriKind.Relative));
        using var onTimeNow = await client.GetAsync(new Uri($"{ComplaintsPath}/{onTime.GetProperty("id").GetGuid()}", UriKind.Relative));
        using var overdueAfter = await client.GetAsync(new Uri($"{ComplaintsPath}?overdue=true", UriKind.Relative));

        Assert.True(Deadline((await FeedbackApi.ReadJsonAsync(beforeAcknowledging)).GetProperty("deadlines"), "acknowledge").GetProperty("overdue").GetBoolean());
        var listed = Assert.Single((await FeedbackApi.ReadJsonAsync(overdueList)).GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(lateId, listed.GetProperty("id").GetGuid());
        Assert.True(listed.GetProperty("overdue").GetBoolean());
        var acknowledge = Deadline((await FeedbackApi.ReadJsonAsync(lateNow)).GetProperty("deadlines"), "acknowledge");
        Assert.False(acknowledge.GetProperty("met").GetBoolean());
        Assert.False(acknowledge.GetProperty("overdue").GetBoolean());
        Assert.True(Deadline((await FeedbackApi.ReadJsonAsync(onTimeNow)).GetProperty("deadlines"), "acknowledge").GetProperty("met").GetBoolean());
        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(overdueAfter)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ListComplaints_WithAnOverdueThatIsNotABoolean_Returns400NamingIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri($"{ComplaintsPath}?overdue=maybe", UriKind.Relative));

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), "overdue");
    }

    [Fact]
    public async Task WaitOnCustomerThenResume_PublishesBothEvents_TheResumedOneWithTheWaitsStartAndTheMovedDueTime()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();
        etag = await WalkAsync(client, id, etag, "acknowledged");
        await using var waiting = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-waiting-on-customer.v1");
        await using var resumed = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-resumed.v1");

        using var wait = await SendAsync(client, HttpMethod.Post, WaitPath(id), new { }, etag);
        using var resume = await SendAsync(client, HttpMethod.Post, ResumePath(id), new { }, wait.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        var resumedBody = await FeedbackApi.ReadJsonAsync(resume);
        var waited = await waiting.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintWaitingOnCustomer should be published");
        var restarted = await resumed.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintResumed should be published");
        Assert.Equal("acknowledged", waited.GetString("status"));
        Assert.Equal(
            waited.Message.GetProperty("occurredAt").GetDateTimeOffset(), restarted.Message.GetProperty("waitedSince").GetDateTimeOffset());
        Assert.True(restarted.Message.GetProperty("occurredAt").GetDateTimeOffset() >= restarted.Message.GetProperty("waitedSince").GetDateTimeOffset());
        Assert.Equal(DueAt(resumedBody.GetProperty("deadlines"), "resolve"), restarted.Message.GetProperty("resolveDueAt").GetDateTimeOffset());
        Assert.False(restarted.Message.TryGetProperty("description", out _), "descriptions are personal data");
    }

    [Fact]
    public async Task WaitOnCustomer_ForAnotherBusinessesCase_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(owner, Body(branch: "nowhere"));

        using var response = await SendAsync(stranger, HttpMethod.Post, WaitPath(complaint.GetProperty("id").GetGuid()), new { }, etag);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task WaitOnCustomer_WithAKeyForAnotherBranch_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (complaint, etag) = await OpenAsync(client, Body(branch: "north"));
        var id = complaint.GetProperty("id").GetGuid();
        etag = await WalkAsync(client, id, etag, "acknowledged");

        using var response = await SendAsBranchAsync(client, tenantId, "south", HttpMethod.Post, WaitPath(id), new { }, etag);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    private static string WaitPath(Guid id) => $"{ComplaintsPath}/{id}/waiting-on-customer";

    private static string ResumePath(Guid id) => $"{ComplaintsPath}/{id}/resume";

    private static object Targets(int acknowledgeWithinMinutes) =>
        new { targets = new[] { new { acknowledgeWithinMinutes, resolveWithinMinutes = 2400 } } };

    private static JsonElement Deadline(JsonElement deadlines, string which) => deadlines.GetProperty(which);

    private static DateTimeOffset DueAt(JsonElement deadlines, string which) => Deadline(deadlines, which).GetProperty("dueAt").GetDateTimeOffset();

    private static async Task<string> ReadETagAsync(HttpClient client, JsonElement complaint)
    {
        using var response = await client.GetAsync(new Uri($"{ComplaintsPath}/{complaint.GetProperty("id").GetGuid()}", UriKind.Relative));
        return response.Headers.ETag!.ToString();
    }

    private static async Task<HttpResponseMessage> SendAsBranchAsync(
        HttpClient client, Guid tenantId, string branch, HttpMethod method, string path, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, InternalTokens.AllScopes, branch));
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
