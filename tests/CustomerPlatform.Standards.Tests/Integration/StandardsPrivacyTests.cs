using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StandardsPrivacyTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    private const string CompletedExchange = "customers.customer-erasure-completed.v1";

    [Fact]
    public async Task PersonalData_SaysStandardsHoldsNoneAndWhy()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri("/api/v1/standards/personal-data", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("holdsPersonalData").GetBoolean());
        Assert.Contains("counts", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerErasureRequested_LeavesTheScorecardAsItWasAndReportsCompletedOnce()
    {
        var tenantId = Guid.NewGuid();
        var branch = $"b{Guid.NewGuid():N}"[..12];
        var rating = StandardsServiceFixture.Feedback(tenantId, branch, 10);
        await fixture.RecordAsync(rating, StandardsServiceFixture.Feedback(tenantId, branch, 3));
        var before = await fixture.GetScorecardAsync(tenantId, $"branch={branch}");
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, CompletedExchange);
        var erasure = new CustomerErasureRequested { TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = rating.CustomerId!.Value, OccurredAt = DateTimeOffset.UtcNow };
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(erasure, messageId);
        await fixture.PublishAsync(erasure, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        var after = await fixture.GetScorecardAsync(tenantId, $"branch={branch}");
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        Assert.Equal(2, after.Responses);
        var completed = await probe.WaitForAsync(e => e.GetGuid("erasureId") == erasure.ErasureId, "Standards should report its part done");
        Assert.Equal("standards", completed.GetString("service"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%customer-erasure-completed%'", ("tenant", tenantId)));
    }
}
