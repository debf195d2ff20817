using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ComplaintsClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplaintsApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task ReplaceComplaintCategories_ThenGet_ReturnsTheListByCode()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var put = await client.PutAsJsonAsync(CategoriesPath, new { items = new[] { new { code = "waiting", label = "Waiting time" }, new { code = " billing ", label = " Billing " } } });
        using var get = await client.GetAsync(CategoriesPath);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var items = (await FeedbackApi.ReadJsonAsync(get)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["billing", "waiting"], items.Select(item => item.GetProperty("code").GetString()));
        Assert.Equal("Billing", items[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task ComplaintCategories_OfAnotherBusiness_AreNeitherSeenNorUsable()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetCategoriesAsync(owner, "billing");

        using var list = await stranger.GetAsync(CategoriesPath);
        using var open = await stranger.PostAsJsonAsync(ComplaintsPath, Body(category: "billing"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").GetArrayLength());
        var problem = await ProblemResponse.ReadAsync(open, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "category");
    }

    [Fact]
    public async Task ReplaceComplaintCategories_WithDuplicateCode_Returns400NamingIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PutAsJsonAsync(CategoriesPath, new { items = new[] { new { code = "billing", label = "A" }, new { code = "billing", label = "B" } } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "items[1].code");
    }

    [Fact]
    public async Task ReplaceComplaintCategories_RemovingOneInUse_Returns409AndKeepsTheList()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await OpenAsync(client);

        using var response = await client.PutAsJsonAsync(CategoriesPath, new { items = new[] { new { code = "service", label = "Service" } } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "complaint-category-in-use");
        Assert.Contains("billing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var get = await client.GetAsync(CategoriesPath);
        Assert.Equal(2, (await FeedbackApi.ReadJsonAsync(get)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ReplaceComplaintRootCauses_RemovingOneInUse_Returns409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        using var rootCauses = await client.PutAsJsonAsync(RootCausesPath, new { items = new[] { new { code = "till-error", label = "Till error" } } });
        using var set = await SendAsync(client, HttpMethod.Put, $"{ComplaintsPath}/{complaint.GetProperty("id").GetGuid()}/root-cause", new { rootCause = "till-error" }, etag);

        using var response = await client.PutAsJsonAsync(RootCausesPath, new { items = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, rootCauses.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("till-error", (await FeedbackApi.ReadJsonAsync(set)).GetProperty("rootCause").GetString());
        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "complaint-root-cause-in-use");
    }

    [Fact]
    public async Task OpenComplaint_WithValidRequest_Returns201WithLocationETagAndPublishesComplaintReceived()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(client, "billing");
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-received.v1");
        var customerId = Guid.NewGuid();

        using var response = await client.PostAsJsonAsync(ComplaintsPath, Body(customerId, severity: "critical"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{ComplaintsPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Equal("phone", body.GetProperty("channel").GetString());
        Assert.Equal("critical", body.GetProperty("severity").GetString());
        Assert.Equal("Sam", body.GetProperty("assignedTo").GetString());
        Assert.Equal(["acknowledged", "escalated"], body.GetProperty("allowedTransitions").EnumerateArray().Select(s => s.GetString()));
        var observed = await probe.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintReceived should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("central", observed.GetString("branch"));
        Assert.Equal("billing", observed.GetString("category"));
        Assert.Equal("critical", observed.GetString("severity"));
        Assert.Equal("received", observed.GetString("status"));
        Assert.True(observed.Message.TryGetProperty("occurredAt", out _));
        Assert.False(observed.Message.TryGetProperty("description", out _), "the description is personal data");
    }

    [Fact]
    public async Task OpenComplaint_WithCategoryNotInTheList_Returns400NamingCategoryAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(client, "billing");

        using var response = await client.PostAsJsonAsync(ComplaintsPath, Body(category: "parking"));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "category");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("complaints", tenantId));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Theory]
    [InlineData("""{ "branch": "central", "channel": "phone", "category": "billing", "description": "x" }""", "severity")]
    [InlineData("""{ "branch": "central", "category": "billing", "severity": "low", "description": "x" }""", "channel")]
    [InlineData("""{ "branch": "central", "channel": "phone", "category": "billing", "severity": "low", "description": "" }""", "description")]
    [InlineData("""{ "branch": "central", "channel": "phone", "category": "billing", "severity": "low", "description": "   " }""", "description")]
    [InlineData("""{ "channel": "phone", "category": "billing", "severity": "low", "description": "x" }""", "branch")]
    public async Task OpenComplaint_WithInvalidField_Returns400NamingIt(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(client, "billing");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ComplaintsPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task OpenComplaint_WithUnknownSeverity_Returns400KeyedByJsonPath()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent(
            """{ "branch": "central", "channel": "phone", "category": "billing", "severity": "apocalyptic", "description": "x" }""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(ComplaintsPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.severity");
    }

    [Fact]
    public async Task OpenComplaint_ReplayedWithSameKey_ReturnsStoredResponseAndOpensOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(client, "billing");
        var key = Guid.NewGuid().ToString();
        using var first = await IdempotentRequest.PostAsync(client, ComplaintsPath, key, Body());
        var firstBody = await first.Content.ReadAsStringAsync();

        using var replay = await IdempotentRequest.PostAsync(client, ComplaintsPath, key, Body());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("complaints", tenantId));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task GetComplaint_OfAnotherTenantOrUnknown_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(owner);
        var id = complaint.GetProperty("id").GetGuid();

        using var foreign = await stranger.GetAsync($"{ComplaintsPath}/{id}");
        using var unknown = await owner.GetAsync($"{ComplaintsPath}/{Guid.NewGuid()}");
        using var foreignTransition = await TransitionAsync(stranger, id, etag, new { to = "acknowledged" });
        using var foreignNote = await stranger.PostAsJsonAsync($"{ComplaintsPath}/{id}/notes", new { visibility = "internal", text = "x", author = "Eve" });

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignTransition, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignNote, HttpStatusCode.NotFound, "not-found");
        using var own = await owner.GetAsync($"{ComplaintsPath}/{id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(etag, own.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task TransitionComplaint_Acknowledge_Returns200WithNewETagHistoryAndPublishes()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-acknowledged.v1");

        using var response = await TransitionAsync(client, id, etag, new { to = "acknowledged", note = "Called the customer back" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag?.ToString());
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("acknowledged", body.GetProperty("status").GetString());
        var transition = Assert.Single(body.GetProperty("transitions").EnumerateArray());
        Assert.Equal("received", transition.GetProperty("from").GetString());
        Assert.Equal("acknowledged", transition.GetProperty("to").GetString());
        Assert.Equal("Called the customer back", transition.GetProperty("note").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintAcknowledged should be published");
        Assert.Equal("acknowledged", observed.GetString("status"));
        Assert.False(observed.Message.TryGetProperty("note", out _), "notes are personal data");
    }

    [Fact]
    public async Task TransitionComplaint_WholeCycle_PublishesEachEvent()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();
        await using var resolved = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-resolved.v1");
        await using var closed = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-closed.v1");
        await using var reopened = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-reopened.v1");
        await using var investigating = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-investigation-started.v1");

        await WalkAsync(client, id, etag, "acknowledged", "investigating", "resolved", "closed", "reopened");

        await resolved.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintResolved");
        await closed.WaitForAsync(message => message.GetGuid("complaintId") == id && message.GetString("status") == "closed", "ComplaintClosed");
        await reopened.WaitForAsync(message => message.GetGuid("complaintId") == id && message.GetString("status") == "reopened", "ComplaintReopened");
        await investigating.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintInvestigationStarted");
        using var get = await client.GetAsync($"{ComplaintsPath}/{id}");
        var body = await FeedbackApi.ReadJsonAsync(get);
        Assert.Equal("reopened", body.GetProperty("status").GetString());
        Assert.Equal(5, body.GetProperty("transitions").GetArrayLength());
        Assert.Equal(["investigating", "escalated"], body.GetProperty("allowedTransitions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task TransitionComplaint_NotAllowedFromCurrentStatus_Returns409InvalidTransitionNamingAllowed()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (complaint, etag) = await OpenAsync(client);

        using var response = await TransitionAsync(client, complaint.GetProperty("id").GetGuid(), etag, new { to = "closed" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(["acknowledged", "escalated"], problem.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("received", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task TransitionComplaint_WithoutIfMatch_Returns428_AndWithStaleETag_Returns412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();
        await WalkAsync(client, id, etag, "acknowledged");

        using var missing = await TransitionAsync(client, id, null, new { to = "investigating" });
        using var stale = await TransitionAsync(client, id, etag, new { to = "investigating" });

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task TransitionComplaint_EscalateWithoutExternalBody_Returns400NamingBothFields()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);

        using var response = await TransitionAsync(client, complaint.GetProperty("id").GetGuid(), etag, new { to = "escalated" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "externalBody");
        ProblemResponse.ErrorsFor(problem, "externalReference");
    }

    [Fact]
    public async Task TransitionComplaint_Escalate_KeepsTheDisputeAndPublishesComplaintEscalated()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.complaint-escalated.v1");
        etag = await WalkAsync(client, id, etag, "acknowledged");

        using var response = await TransitionAsync(client, id, etag, new { to = "escalated", externalBody = "Financial Ombudsman", externalReference = "FOS-2026-17" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("escalated", body.GetProperty("status").GetString());
        Assert.Equal("Financial Ombudsman", body.GetProperty("externalBody").GetString());
        Assert.Equal("FOS-2026-17", body.GetProperty("externalReference").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("complaintId") == id, "ComplaintEscalated should be published");
        Assert.Equal("escalated", observed.GetString("status"));
        Assert.Equal("FOS-2026-17", observed.GetString("externalReference"));
    }

    [Fact]
    public async Task ListComplaints_WithFiltersAndLimit_PagesNewestFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (first, _) = await OpenAsync(client, Body(severity: "low"));
        var (second, _) = await OpenAsync(client, Body(severity: "high"));
        var (third, _) = await OpenAsync(client, Body(severity: "high", branch: "north"));
        var (fourth, _) = await OpenAsync(client, Body(severity: "high"));

        using var page1 = await client.GetAsync($"{ComplaintsPath}?severity=high&limit=2");
        var body1 = await FeedbackApi.ReadJsonAsync(page1);
        using var page2 = await client.GetAsync($"{ComplaintsPath}?severity=high&limit=2&cursor={body1.GetProperty("nextCursor").GetString()}");
        using var byBranch = await client.GetAsync($"{ComplaintsPath}?branch=central&status=received&category=billing&assignedTo=Sam");

        Assert.Equal(HttpStatusCode.OK, page1.StatusCode);
        Assert.Equal([Id(fourth), Id(third)], body1.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        var body2 = await FeedbackApi.ReadJsonAsync(page2);
        Assert.Equal([Id(second)], body2.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.False(body2.TryGetProperty("nextCursor", out _));
        Assert.Equal([Id(fourth), Id(second), Id(first)], (await FeedbackApi.ReadJsonAsync(byBranch)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("severity=3", "severity")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=nonsense", "cursor")]
    public async Task ListComplaints_WithBadParameter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{ComplaintsPath}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task AssignComplaint_WithIfMatch_Returns200AndReassigns()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = complaint.GetProperty("id").GetGuid();

        using var response = await SendAsync(client, HttpMethod.Put, $"{ComplaintsPath}/{id}/assignment", new { assignedTo = "Kim" }, etag);
        using var missing = await SendAsync(client, HttpMethod.Put, $"{ComplaintsPath}/{id}/assignment", new { assignedTo = "Lee" }, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kim", (await FeedbackApi.ReadJsonAsync(response)).GetProperty("assignedTo").GetString());
        Assert.NotEqual(etag, response.Headers.ETag?.ToString());
        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
    }

    [Fact]
    public async Task SetComplaintRootCause_NotInTheList_Returns400NamingRootCause()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);

        using var response = await SendAsync(client, HttpMethod.Put, $"{ComplaintsPath}/{Id(complaint)}/root-cause", new { rootCause = "gremlins" }, etag);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "rootCause");
    }

    [Fact]
    public async Task AddNoteAndAttachment_Return201AndShowInTheCaseHistory()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, etag) = await OpenAsync(client);
        var id = Id(complaint);

        using var note = await client.PostAsJsonAsync($"{ComplaintsPath}/{id}/notes", new { visibility = "internal", text = "Till log checked", author = "Sam" });
        using var reply = await client.PostAsJsonAsync($"{ComplaintsPath}/{id}/notes", new { visibility = "customer", text = "We are refunding you", author = "Sam" });
        using var attachment = await client.PostAsJsonAsync($"{ComplaintsPath}/{id}/attachments", new { url = "https://files.example.com/receipt.pdf", title = "Receipt" });

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Created, attachment.StatusCode);
        Assert.Equal($"{ComplaintsPath}/{id}", attachment.Headers.Location?.OriginalString);
        using var get = await client.GetAsync($"{ComplaintsPath}/{id}");
        var body = await FeedbackApi.ReadJsonAsync(get);
        Assert.Equal(["internal", "customer"], body.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("visibility").GetString()));
        Assert.Equal("We are refunding you", body.GetProperty("notes")[1].GetProperty("text").GetString());
        Assert.Equal("Receipt", Assert.Single(body.GetProperty("attachments").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(etag, get.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("http://files.example.com/receipt.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("central")]
    public async Task AddAttachment_WithoutHttpsUrl_Returns400NamingUrl(string url)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (complaint, _) = await OpenAsync(client);

        using var response = await client.PostAsJsonAsync($"{ComplaintsPath}/{Id(complaint)}/attachments", new { url, title = "Receipt" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "url");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("complaint_attachments", tenantId));
    }

    [Fact]
    public async Task AddNote_WithUnknownVisibility_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (complaint, _) = await OpenAsync(client);

        using var response = await client.PostAsJsonAsync($"{ComplaintsPath}/{Id(complaint)}/notes", new { visibility = "public", text = "x", author = "Sam" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.visibility");
    }

    private static Guid Id(System.Text.Json.JsonElement complaint) => complaint.GetProperty("id").GetGuid();
}
