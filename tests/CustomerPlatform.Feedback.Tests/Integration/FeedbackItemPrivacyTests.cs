using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Customers;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class FeedbackItemPrivacyTests(FeedbackPrivacyFixture fixture) : IClassFixture<FeedbackPrivacyFixture>
{
    [Fact]
    public async Task CustomerErasureRequested_ClearsItemTextKeepsKindTagsAndAbout()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        using var created = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new
        {
            customerId, branch = "central", kind = "complaint", channel = "phone", text = "I am Ann, flat 3", tags = new[] { "noise" },
            about = new { type = "service", reference = "Delivery" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var exported = await client.GetAsync($"/api/v1/feedback/personal-data/{customerId}");
        var before = Assert.Single((await FeedbackApi.ReadJsonAsync(exported)).GetProperty("items").EnumerateArray().ToList());
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(new CustomerErasureRequested { TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = customerId, OccurredAt = DateTimeOffset.UtcNow }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 1);

        using var after = await client.GetAsync($"/api/v1/feedback/personal-data/{customerId}");
        var item = Assert.Single((await FeedbackApi.ReadJsonAsync(after)).GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("I am Ann, flat 3", before.GetProperty("text").GetString());
        Assert.Equal("complaint", before.GetProperty("kind").GetString());
        Assert.False(item.TryGetProperty("text", out _));
        Assert.False(item.TryGetProperty("comment", out _));
        Assert.Equal("complaint", item.GetProperty("kind").GetString());
        Assert.Equal("phone", item.GetProperty("channel").GetString());
        Assert.Equal("Delivery", item.GetProperty("about").GetProperty("reference").GetString());
        Assert.Equal(["noise"], item.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
    }
}
