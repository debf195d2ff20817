using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class IdempotencyTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task RecordFeedback_ReplayedWithSameKey_ReturnsStoredResponseAndRecordsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var request = new { branch = "LON-01", rating = 8, comment = "Good" };
        using var first = await PostAsync(client, key, request);
        var firstBody = await first.Content.ReadAsStringAsync();

        using var replay = await PostAsync(client, key, request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
    }

    [Fact]
    public async Task RecordFeedback_SameKeyWithDifferentBody_Returns422IdempotencyKeyReused()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, key, new { branch = "LON-01", rating = 8 });

        using var reused = await PostAsync(client, key, new { branch = "LON-01", rating = 2 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemResponse.ReadAsync(reused, (HttpStatusCode)422, "idempotency-key-reused");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
    }

    [Fact]
    public async Task RecordFeedback_RefusedRequestThenValidOneWithSameKey_RecordsTheValidOne()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        using var refused = await PostAsync(client, key, new { branch = "LON-01", rating = 11 });

        using var accepted = await PostAsync(client, key, new { branch = "LON-01", rating = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.False(accepted.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("feedback_items", tenantId));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body) =>
        IdempotentRequest.PostAsync(client, FeedbackApi.FeedbackPath, key, body);
}
