using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class FeedbackApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task RecordFeedback_WithValidRequest_Returns201WithLocationAndBody()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = Guid.NewGuid();

        using var response = await client.PostAsJsonAsync(
            FeedbackApi.FeedbackPath,
            new { customerId, branch = " LON-01 ", rating = 9, comment = "  Lovely staff  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/feedback/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(customerId, body.GetProperty("customerId").GetGuid());
        Assert.Equal("LON-01", body.GetProperty("branch").GetString());
        Assert.Equal(9, body.GetProperty("rating").GetInt32());
        Assert.Equal("Lovely staff", body.GetProperty("comment").GetString());
        Assert.True(body.TryGetProperty("receivedAt", out _));
    }

    [Fact]
    public async Task GetFeedback_AfterRecording_Returns200WithIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var created = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch = "PAR-02", rating = 0, comment = "   " });
        var createdBody = await FeedbackApi.ReadJsonAsync(created);

        using var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal(createdBody.GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        Assert.Equal("PAR-02", body.GetProperty("branch").GetString());
        Assert.Equal(0, body.GetProperty("rating").GetInt32());
        Assert.False(body.TryGetProperty("comment", out _));
        Assert.False(body.TryGetProperty("customerId", out _));
    }

    [Fact]
    public async Task RecordFeedback_WithValidRequest_PublishesFeedbackReceivedWithOutboxIdAsMessageId()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "feedback.feedback-received.v1");
        var customerId = Guid.NewGuid();

        using var response = await client.PostAsJsonAsync(
            FeedbackApi.FeedbackPath,
            new { customerId, branch = "LON-01", rating = 3, comment = "Slow" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var feedbackId = (await FeedbackApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("feedbackId") == feedbackId,
            $"FeedbackReceived for {feedbackId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("LON-01", observed.GetString("branch"));
        Assert.Equal(3, observed.Message.GetProperty("rating").GetInt32());
        Assert.True(observed.Message.TryGetProperty("occurredAt", out _));
        Assert.False(observed.Message.TryGetProperty("comment", out _), "the comment is not part of the event");
        var outboxId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM outbox_messages WHERE tenant_id = @tenant", ("tenant", tenantId));
        Assert.Equal(outboxId, observed.MessageId);
    }

    [Theory]
    [InlineData("""{ "branch": "LON-01", "rating": 11 }""", "rating")]
    [InlineData("""{ "branch": "LON-01", "rating": -1 }""", "rating")]
    [InlineData("""{ "branch": "LON-01" }""", "rating")]
    [InlineData("""{ "branch": "LON-01", "rating": null }""", "rating")]
    [InlineData("""{ "rating": 8 }""", "branch")]
    [InlineData("""{ "branch": "", "rating": 8 }""", "branch")]
    public async Task RecordFeedback_WithInvalidField_Returns400NamingIt(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(FeedbackApi.FeedbackPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task RecordFeedback_WithCommentLongerThan4000Characters_Returns400NamingComment()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(
            FeedbackApi.FeedbackPath,
            new { branch = "LON-01", rating = 5, comment = new string('x', 4001) });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "comment");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
    }

    [Fact]
    public async Task RecordFeedback_WithComment4000CharactersLong_Returns201()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var comment = new string('x', 4000);

        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch = "LON-01", rating = 5, comment });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(comment, (await FeedbackApi.ReadJsonAsync(response)).GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData("""{ "branch": "LON-01", "rating": "nine" }""", "$.rating")]
    [InlineData("""{ "branch": "LON-01", "rating": 9, "customerId": "not-a-guid" }""", "$.customerId")]
    public async Task RecordFeedback_WithMalformedJson_Returns400KeyedByJsonPath(string json, string path)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(FeedbackApi.FeedbackPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, path);
    }

    [Fact]
    public async Task GetFeedback_WithUnknownId_Returns404Problem()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = Guid.NewGuid();

        using var response = await client.GetAsync($"{FeedbackApi.FeedbackPath}/{id}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeedback_OfAnotherTenant_Returns404ShapedLikeAnUnknownId()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var created = await owner.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch = "LON-01", rating = 10 });
        var feedbackId = (await FeedbackApi.ReadJsonAsync(created)).GetProperty("id").GetGuid();
        var unknownId = Guid.NewGuid();

        using var foreign = await stranger.GetAsync($"{FeedbackApi.FeedbackPath}/{feedbackId}");
        using var unknown = await stranger.GetAsync($"{FeedbackApi.FeedbackPath}/{unknownId}");

        var foreignProblem = await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        var unknownProblem = await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(Shape(unknownProblem, unknownId), Shape(foreignProblem, feedbackId));
        using var ownRead = await owner.GetAsync($"{FeedbackApi.FeedbackPath}/{feedbackId}");
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
    }

    [Fact]
    public async Task GetFeedback_WithoutToken_Returns401Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.GetAsync($"{FeedbackApi.FeedbackPath}/{Guid.NewGuid()}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task RecordFeedback_WithoutToken_Returns401AndStoresNothing()
    {
        using var client = fixture.Service.CreateClient();
        var branch = $"B-{Guid.NewGuid():N}"[..20];

        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { branch, rating = 7 });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM feedback_items WHERE branch = @branch", ("branch", branch)));
    }

    // Every member but the trace id, with the id in question replaced, so the two bodies can be compared whole.
    private static string Shape(JsonElement problem, Guid id) =>
        string.Join('\n', problem.EnumerateObject()
            .Where(property => property.Name != "traceId")
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .Select(property => $"{property.Name}={property.Value.GetRawText().Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase)}"));
}
