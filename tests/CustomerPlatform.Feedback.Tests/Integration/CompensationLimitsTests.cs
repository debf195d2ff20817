using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.CompensationClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CompensationLimitsTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task GetCompensationLimits_NeverSet_ReturnsNoRoles()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(LimitsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal(0, body.GetProperty("roles").GetArrayLength());
        Assert.False(body.TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task ReplaceCompensationLimits_Valid_Returns200AndReplacesTheTable()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetLimitsAsync(client);
        var smaller = new
        {
            currency = "GBP",
            roles = new[] { new { role = "owner", rank = 9, limits = new { refund = 1000m, creditNote = 1000m, replacement = 1000m, loyaltyPoints = 5000 } } },
        };

        using var response = await client.PutAsJsonAsync(LimitsPath, smaller);
        using var read = await client.GetAsync(LimitsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(read);
        Assert.Equal("GBP", body.GetProperty("currency").GetString());
        var only = Assert.Single(body.GetProperty("roles").EnumerateArray());
        Assert.Equal("owner", only.GetProperty("role").GetString());
        Assert.Equal(9, only.GetProperty("rank").GetInt32());
        Assert.Equal(5000, only.GetProperty("limits").GetProperty("loyaltyPoints").GetInt64());
        Assert.Equal(1000m, only.GetProperty("limits").GetProperty("refund").GetDecimal());
    }

    [Fact]
    public async Task GetCompensationLimits_AfterSet_ListsRolesLowestRankFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetLimitsAsync(client);

        using var response = await client.GetAsync(LimitsPath);

        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        Assert.Equal(["staff", "supervisor", "manager"], body.GetProperty("roles").EnumerateArray().Select(role => role.GetProperty("role").GetString()));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"currency":"eur","roles":[{"role":"staff","rank":1,"limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "currency" },
        { """{"currency":"EUR","roles":[]}""", "roles" },
        { """{"currency":"EUR"}""", "roles" },
        { """{"currency":"EUR","roles":[{"role":"","rank":1,"limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "roles[0].role" },
        { """{"currency":"EUR","roles":[{"role":"staff","limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "roles[0].rank" },
        { """{"currency":"EUR","roles":[{"role":"staff","rank":1,"limits":{"refund":-1,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "roles[0].limits.refund" },
        { """{"currency":"EUR","roles":[{"role":"staff","rank":1,"limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1.5}}]}""", "roles[0].limits.loyaltyPoints" },
        { """{"currency":"EUR","roles":[{"role":"staff","rank":1}]}""", "roles[0].limits.creditNote" },
        { """{"currency":"EUR","roles":[{"role":"staff","rank":1,"limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1}},{"role":"staff","rank":2,"limits":{"refund":1,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "roles[1].role" },
        { """{"currency":"EUR","roles":[{"role":"staff","rank":1,"limits":{"refund":50,"creditNote":1,"replacement":1,"loyaltyPoints":1}},{"role":"boss","rank":2,"limits":{"refund":10,"creditNote":1,"replacement":1,"loyaltyPoints":1}}]}""", "roles[1].limits.refund" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task ReplaceCompensationLimits_Invalid_Returns400WithTheFieldAndChangesNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PutAsync(LimitsPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("compensation_authorities", tenantId));
    }

    [Fact]
    public async Task ReplaceCompensationLimits_BranchKey_Returns403AndChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Put, LimitsPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, "central"), Limits());

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("compensation_authorities", tenantId));
    }

    [Fact]
    public async Task GetCompensationLimits_OtherTenantsTable_IsNotSeen()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetLimitsAsync(owner);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await other.GetAsync(LimitsPath);

        Assert.Equal(0, (await FeedbackApi.ReadJsonAsync(response)).GetProperty("roles").GetArrayLength());
    }
}
