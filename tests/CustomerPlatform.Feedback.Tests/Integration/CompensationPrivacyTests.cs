using System.Net.Http.Json;
using CustomerPlatform.Contracts.Customers;
using Xunit;
using static CustomerPlatform.Feedback.Tests.CompensationClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CompensationPrivacyTests(FeedbackPrivacyFixture fixture) : IClassFixture<FeedbackPrivacyFixture>
{
    [Fact]
    public async Task CustomerErasureRequested_ErasesCompensationReasonsKeepsAmounts()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        var complaintId = await OpenCaseAsync(client, customerId);
        var approvedId = (await OfferAsync(client, complaintId, Offer(amount: 12.5m))).GetProperty("id").GetGuid();
        var declinedId = (await OfferAsync(client, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();
        using var declined = await client.PostAsJsonAsync($"{CompensationsPath(complaintId)}/{declinedId}/decline", new { by = "Morgan", reason = "Ann was refunded by her bank" });
        var bystanderCase = await OpenCaseAsync(client, Guid.NewGuid());
        var bystanderId = (await OfferAsync(client, bystanderCase, Offer())).GetProperty("id").GetGuid();
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(new CustomerErasureRequested { TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = customerId, OccurredAt = DateTimeOffset.UtcNow }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 1);

        var approved = await ReadAsync(client, complaintId, approvedId);
        Assert.False(approved.TryGetProperty("reason", out _), approved.ToString());
        Assert.Equal(12.5m, approved.GetProperty("amount").GetDecimal());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var erasedDecline = await ReadAsync(client, complaintId, declinedId);
        Assert.False(erasedDecline.TryGetProperty("reason", out _));
        Assert.False(erasedDecline.TryGetProperty("declineReason", out _));
        Assert.Equal(150m, erasedDecline.GetProperty("amount").GetDecimal());
        var kept = await ReadAsync(client, bystanderCase, bystanderId);
        Assert.Equal("Charged twice for one haircut", kept.GetProperty("reason").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> ReadAsync(HttpClient client, Guid complaintId, Guid compensationId)
    {
        using var response = await client.GetAsync($"{CompensationsPath(complaintId)}/{compensationId}");
        return await FeedbackApi.ReadJsonAsync(response);
    }
}
