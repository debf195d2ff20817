using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Scopes and branch restrictions, from the internal token alone.</summary>
[Trait("Category", "Integration")]
public sealed class AccessTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    [Fact]
    public async Task GetScorecard_TokenWithoutStandardsRead_Returns403Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, StandardsServiceFixture.ScorecardPath("branch=central").ToString(),
            InternalTokens.For(Guid.NewGuid(), ["standards:write", "feedback:read"], branch: null));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetScorecard_BranchKeyForOtherBranch_Returns403Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, StandardsServiceFixture.ScorecardPath("branch=north").ToString(),
            InternalTokens.For(Guid.NewGuid(), ["standards:read"], "south"));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetScorecard_BranchKeyForOwnBranch_Returns200()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, StandardsServiceFixture.ScorecardPath("branch=south").ToString(),
            InternalTokens.For(Guid.NewGuid(), ["standards:read"], "south"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
