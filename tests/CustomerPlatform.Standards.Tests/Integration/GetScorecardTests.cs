using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class GetScorecardTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("november")]
    [InlineData("2026-+1")]
    [InlineData("")]
    public async Task GetScorecard_MalformedPeriod_Returns400WithPeriodError(string period)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(StandardsServiceFixture.ScorecardPath($"branch=central&period={Uri.EscapeDataString(period)}"));

        var errors = await AssertValidationProblemAsync(response);
        Assert.True(errors.TryGetProperty("period", out _), $"errors should name the period: {errors}");
        Assert.False(errors.TryGetProperty("branch", out _), $"the branch was valid: {errors}");
    }

    [Theory]
    [InlineData("period=2026-11")]
    [InlineData("branch=&period=2026-11")]
    [InlineData("branch=%20%20")]
    [InlineData("branch=a123456789b123456789c123456789d123456789e1234567890")]
    public async Task GetScorecard_MissingOrOverlongBranch_Returns400WithBranchError(string query)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(StandardsServiceFixture.ScorecardPath(query));

        var errors = await AssertValidationProblemAsync(response);
        Assert.True(errors.TryGetProperty("branch", out _), $"errors should name the branch: {errors}");
    }

    [Fact]
    public async Task GetScorecard_PeriodWithoutResponses_ReturnsZerosAndNoScore()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(StandardsServiceFixture.ScorecardPath("branch=central&period=2001-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("central", body.GetProperty("branch").GetString());
        Assert.Equal("2001-01", body.GetProperty("period").GetString());
        Assert.Equal("2001-01-01", body.GetProperty("periodStart").GetString());
        Assert.Equal("2001-02-01", body.GetProperty("periodEnd").GetString());
        Assert.Equal(0, body.GetProperty("responses").GetInt32());
        Assert.Equal(0, body.GetProperty("promoters").GetInt32());
        Assert.Equal(0, body.GetProperty("passives").GetInt32());
        Assert.Equal(0, body.GetProperty("detractors").GetInt32());
        Assert.True(
            !body.TryGetProperty("nps", out var nps) || nps.ValueKind == JsonValueKind.Null,
            $"a period without responses has no score: {body}");
    }

    [Fact]
    public async Task GetScorecard_WithoutToken_Returns401Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.GetAsync(StandardsServiceFixture.ScorecardPath("branch=central"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Migrations_AppliedToFreshDatabase_CoverTheModel()
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StandardsDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Empty(pending);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration covers");
    }

    private static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-platform:problem:validation", problem.GetProperty("type").GetString());
        return problem.GetProperty("errors");
    }
}
