using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class FeedbackPrivacyTests(FeedbackPrivacyFixture fixture) : IClassFixture<FeedbackPrivacyFixture>
{
    private const string CompletedExchange = "customers.customer-erasure-completed.v1";

    [Fact]
    public async Task PersonalData_CustomerWithFeedback_ReturnsTheirItemsOnly()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        await GiveAsync(client, customerId, 9, "Lovely staff");
        await GiveAsync(client, customerId, 4, "Queue too long");
        await GiveAsync(client, Guid.NewGuid(), 10, "Someone else");

        using var response = await client.GetAsync(PersonalDataPath(customerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await FeedbackApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Queue too long", "Lovely staff"], items.Select(item => item.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task PersonalData_AnotherTenantsOrUnknownCustomer_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = Guid.NewGuid();
        await GiveAsync(owner, customerId, 7, "Fine");

        using var foreign = await other.GetAsync(PersonalDataPath(customerId));
        using var unknown = await owner.GetAsync(PersonalDataPath(Guid.NewGuid()));

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task CustomerErasureRequested_ClearsTheCustomersCommentsKeepsRatingsAndReportsCompletedOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        var bystanderId = Guid.NewGuid();
        await GiveAsync(client, customerId, 9, "My name is Ann and I live next door");
        await GiveAsync(client, customerId, 2, "Ann again");
        await GiveAsync(client, bystanderId, 6, "Kept");
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, CompletedExchange);
        var erasure = new CustomerErasureRequested
        {
            TenantId = tenantId,
            ErasureId = Guid.NewGuid(),
            CustomerId = customerId,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(erasure, messageId);
        await fixture.PublishAsync(erasure, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        var items = await ItemsAsync(client, customerId);
        Assert.Equal([2, 9], items.Select(item => item.GetProperty("rating").GetInt32()));
        Assert.All(items, item => Assert.False(item.TryGetProperty("comment", out _), item.ToString()));
        Assert.Equal("Kept", Assert.Single(await ItemsAsync(client, bystanderId)).GetProperty("comment").GetString());
        var completed = await probe.WaitForAsync(e => e.GetGuid("erasureId") == erasure.ErasureId, "Feedback should report its part done");
        Assert.Equal("feedback", completed.GetString("service"));
        Assert.Equal(customerId, completed.GetGuid("customerId"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%customer-erasure-completed%'", ("tenant", tenantId)));
    }

    private static async Task GiveAsync(HttpClient client, Guid customerId, int rating, string comment)
    {
        using var response = await client.PostAsJsonAsync(FeedbackApi.FeedbackPath, new { customerId, branch = "central", rating, comment });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync(PersonalDataPath(customerId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await FeedbackApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
    }

    private static string PersonalDataPath(Guid customerId) => $"/api/v1/feedback/personal-data/{customerId}";
}
