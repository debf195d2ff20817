using System.Net;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>Scopes from the internal token alone.</summary>
[Trait("Category", "Integration")]
public sealed class AccessTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    [Fact]
    public async Task GetAccount_TokenWithoutLoyaltyRead_Returns403Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, LoyaltyServiceFixture.AccountPath(Guid.NewGuid()).ToString(),
            InternalTokens.For(Guid.NewGuid(), ["loyalty:write", "customers:read"], branch: null));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetAccount_TokenWithLoyaltyRead_PassesScopeCheck()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Get, LoyaltyServiceFixture.AccountPath(Guid.NewGuid()).ToString(),
            InternalTokens.For(Guid.NewGuid(), ["loyalty:read"], branch: null));

        // No account exists: the scope let the request reach the handler, which answers 404.
        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
