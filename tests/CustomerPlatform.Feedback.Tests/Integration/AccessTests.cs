using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

/// <summary>Scopes and branch restrictions, from the internal token alone.</summary>
[Trait("Category", "Integration")]
public sealed class AccessTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task RecordFeedback_TokenWithOnlyReadScope_Returns403ProblemAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, FeedbackApi.FeedbackPath, InternalTokens.For(tenantId, ["feedback:read", "customers:write"], branch: null),
            new { branch = "central", rating = 9 });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await CountAsync(tenantId));
    }

    [Fact]
    public async Task GetFeedback_TokenWithOnlyWriteScope_Returns403Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, $"{FeedbackApi.FeedbackPath}/{Guid.NewGuid()}", InternalTokens.For(Guid.NewGuid(), ["feedback:write"], branch: null));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task RecordFeedback_TokenWithWriteScope_Returns201()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, FeedbackApi.FeedbackPath, InternalTokens.For(Guid.NewGuid(), ["feedback:write"], branch: null),
            new { branch = "central", rating = 9 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RecordFeedback_BranchKeyForOtherBranch_Returns403ProblemAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, FeedbackApi.FeedbackPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            new { branch = "north", rating = 3 });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await CountAsync(tenantId));
    }

    [Fact]
    public async Task RecordFeedback_BranchKeyForOwnBranch_Returns201()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, FeedbackApi.FeedbackPath, InternalTokens.For(Guid.NewGuid(), InternalTokens.AllScopes, "south"),
            new { branch = " south ", rating = 3 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<long> CountAsync(Guid tenantId) =>
        await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM feedback_items WHERE tenant_id = @tenant", ("tenant", tenantId));
}
