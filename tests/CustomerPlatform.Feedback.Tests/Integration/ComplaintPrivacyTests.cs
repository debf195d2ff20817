using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ComplaintsClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplaintPrivacyTests(FeedbackPrivacyFixture fixture) : IClassFixture<FeedbackPrivacyFixture>
{
    [Fact]
    public async Task PersonalData_CustomerWithOnlyComplaints_ReturnsThemWithTheirHistory()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = Guid.NewGuid();
        var (complaint, _) = await OpenAsync(client, Body(customerId, description: "My name is Ann"));
        await OpenAsync(client, Body(Guid.NewGuid(), description: "Someone else"));
        using var note = await client.PostAsJsonAsync($"{ComplaintsPath}/{Id(complaint)}/notes", new { visibility = "customer", text = "Sorry, Ann", author = "Sam" });

        using var response = await client.GetAsync(PersonalDataPath(customerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        var only = Assert.Single(body.GetProperty("complaints").EnumerateArray());
        Assert.Equal("My name is Ann", only.GetProperty("description").GetString());
        Assert.Equal("Sorry, Ann", Assert.Single(only.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task CustomerErasureRequested_ErasesComplaintTextKeepsTheFacts()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        var (complaint, etag) = await OpenAsync(client, Body(customerId, severity: "high", description: "Ann, 12 Elm Street, was overcharged"));
        var id = Id(complaint);
        var (bystander, _) = await OpenAsync(client, Body(Guid.NewGuid(), description: "Kept"));
        using var note = await client.PostAsJsonAsync($"{ComplaintsPath}/{id}/notes", new { visibility = "internal", text = "Ann called twice", author = "Sam" });
        using var attachment = await client.PostAsJsonAsync($"{ComplaintsPath}/{id}/attachments", new { url = "https://files.example.com/ann.jpg", title = "Ann's receipt" });
        using var acknowledged = await TransitionAsync(client, id, etag, new { to = "acknowledged", note = "Told Ann we are on it" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var erasure = new CustomerErasureRequested
        {
            TenantId = tenantId,
            ErasureId = Guid.NewGuid(),
            CustomerId = customerId,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(erasure, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 1);

        using var get = await client.GetAsync($"{ComplaintsPath}/{id}");
        var erased = await FeedbackApi.ReadJsonAsync(get);
        Assert.False(erased.TryGetProperty("description", out _), erased.ToString());
        Assert.Equal("high", erased.GetProperty("severity").GetString());
        Assert.Equal("billing", erased.GetProperty("category").GetString());
        Assert.Equal("acknowledged", erased.GetProperty("status").GetString());
        var erasedNote = Assert.Single(erased.GetProperty("notes").EnumerateArray());
        Assert.False(erasedNote.TryGetProperty("text", out _));
        Assert.Equal("Sam", erasedNote.GetProperty("author").GetString());
        var erasedAttachment = Assert.Single(erased.GetProperty("attachments").EnumerateArray());
        Assert.False(erasedAttachment.TryGetProperty("url", out _));
        Assert.False(erasedAttachment.TryGetProperty("title", out _));
        Assert.False(Assert.Single(erased.GetProperty("transitions").EnumerateArray()).TryGetProperty("note", out _));
        using var kept = await client.GetAsync($"{ComplaintsPath}/{Id(bystander)}");
        Assert.Equal("Kept", (await FeedbackApi.ReadJsonAsync(kept)).GetProperty("description").GetString());
    }

    private static Guid Id(JsonElement complaint) => complaint.GetProperty("id").GetGuid();

    private static string PersonalDataPath(Guid customerId) => $"/api/v1/feedback/personal-data/{customerId}";
}
