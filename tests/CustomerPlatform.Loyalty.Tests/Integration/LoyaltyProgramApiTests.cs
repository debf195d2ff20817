using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LoyaltyProgramApiTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private static readonly object Stars = new
    {
        currencyName = "stars",
        earn = new
        {
            pointsPerUnit = 2,
            rounding = "nearest",
            multipliers = new object[] { new { category = "coffee", factor = 3 } },
            bonuses = new { firstPurchase = 50 },
            pendingDays = 14,
        },
        tiers = new object[]
        {
            new { code = "silver", name = "Silver", basis = "points", threshold = 500, windowMonths = 12, benefits = "Free refills", earnMultiplier = 1.25, downgradeGraceDays = 30 },
            new { code = "gold", name = "Gold", basis = "points", threshold = 2000, windowMonths = 12, earnMultiplier = 1.5 },
        },
        expiry = new { months = 24, noticeDays = 30 },
    };

    [Fact]
    public async Task GetProgram_WithNoneSet_ReturnsDefaultVersion0()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri(ProgramApi.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var program = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, program.GetProperty("version").GetInt32());
        Assert.Equal("points", program.GetProperty("currencyName").GetString());
        Assert.Equal(1m, program.GetProperty("earn").GetProperty("pointsPerUnit").GetDecimal());
        Assert.Equal("down", program.GetProperty("earn").GetProperty("rounding").GetString());
        Assert.Equal(0, program.GetProperty("earn").GetProperty("multipliers").GetArrayLength());
        Assert.Equal(0, program.GetProperty("earn").GetProperty("bonuses").GetProperty("firstPurchase").GetInt64());
        Assert.Equal(0, program.GetProperty("tiers").GetArrayLength());
        Assert.Equal(0, program.GetProperty("expiry").GetProperty("months").GetInt32());
    }

    [Fact]
    public async Task PutProgram_FirstThenSecond_Returns201Then200AndKeepsOldVersionUnchanged()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var first = await ProgramApi.PutAsync(client, Stars, "\"0\"");
        using var second = await ProgramApi.PutAsync(client, new { currencyName = "points", earn = new { pointsPerUnit = 1 } }, first.Headers.ETag?.Tag);
        using var current = await client.GetAsync(new Uri(ProgramApi.Path, UriKind.Relative));
        using var old = await client.GetAsync(new Uri($"{ProgramApi.Path}/versions/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"{ProgramApi.Path}/versions/1", first.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("\"2\"", second.Headers.ETag?.Tag);
        var now = await current.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, now.GetProperty("version").GetInt32());
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var v1 = await old.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("stars", v1.GetProperty("currencyName").GetString());
        Assert.Equal(2m, v1.GetProperty("earn").GetProperty("pointsPerUnit").GetDecimal());
        Assert.Equal("nearest", v1.GetProperty("earn").GetProperty("rounding").GetString());
        Assert.Equal(3m, v1.GetProperty("earn").GetProperty("multipliers")[0].GetProperty("factor").GetDecimal());
        Assert.Equal(50, v1.GetProperty("earn").GetProperty("bonuses").GetProperty("firstPurchase").GetInt64());
        Assert.Equal(14, v1.GetProperty("earn").GetProperty("pendingDays").GetInt32());
        Assert.Equal("gold", v1.GetProperty("tiers")[1].GetProperty("code").GetString());
        Assert.Equal("points", v1.GetProperty("tiers")[1].GetProperty("basis").GetString());
        Assert.Equal(24, v1.GetProperty("expiry").GetProperty("months").GetInt32());
        Assert.True(v1.GetProperty("effectiveFrom").GetDateTimeOffset() <= now.GetProperty("effectiveFrom").GetDateTimeOffset());
    }

    [Fact]
    public async Task ListVersions_PagesNewestFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await ProgramApi.SetAsync(client, Stars);
        await ProgramApi.SetAsync(client, Stars);
        await ProgramApi.SetAsync(client, Stars);

        var first = await client.GetFromJsonAsync<JsonElement>($"{ProgramApi.Path}/versions?limit=2");
        var next = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"{ProgramApi.Path}/versions?limit=2&cursor={next}");

        Assert.Equal([3, 2], first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("version").GetInt32()));
        Assert.Equal([1], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("version").GetInt32()));
        Assert.False(second.TryGetProperty("nextCursor", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task PutProgram_WithoutIfMatch_Returns428AndWithStaleETag_Returns412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await ProgramApi.SetAsync(client, Stars);

        using var missing = await ProgramApi.PutAsync(client, Stars, null);
        using var stale = await ProgramApi.PutAsync(client, Stars, "\"0\"");

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        var current = await client.GetFromJsonAsync<JsonElement>(ProgramApi.Path);
        Assert.Equal(1, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PutProgram_BreakingRules_Returns400WithFieldPaths()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var body = new
        {
            currencyName = " ",
            earn = new
            {
                pointsPerUnit = 0,
                multipliers = new object?[]
                {
                    new { factor = 2 },
                    new { category = "coffee", factor = 11 },
                    new { branch = "central", factor = 2, from = "2026-02-01T00:00:00Z", to = "2026-01-01T00:00:00Z" },
                },
                bonuses = new { feedbackResponse = -5 },
                pendingDays = 400,
            },
            tiers = new object[]
            {
                new { code = "gold", name = "Gold", threshold = 1000 },
                new { code = "GOLD", name = "Gold again", threshold = 2000 },
                new { code = "bronze", name = "Bronze", threshold = 100 },
                new { code = "cash", name = "Cash", basis = "spend", threshold = 5000, earnMultiplier = 0 },
            },
            expiry = new { months = -1 },
        };

        using var response = await ProgramApi.PutAsync(client, body, "\"0\"");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[]
        {
            "currencyName", "earn.pointsPerUnit", "earn.multipliers[0]", "earn.multipliers[1].factor",
            "earn.multipliers[2].to", "earn.bonuses.feedbackResponse", "earn.pendingDays", "tiers[1].code", "tiers[2].threshold",
            "tiers[3].basis", "tiers[3].earnMultiplier", "expiry.months",
        })
        {
            ProblemResponse.ErrorsFor(problem, field);
        }

        var current = await client.GetFromJsonAsync<JsonElement>(ProgramApi.Path);
        Assert.Equal(0, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PutProgram_WithNullEntries_Returns400NamingThem()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var body = new { earn = new { multipliers = new object?[] { new { branch = "central", factor = 2 }, null } }, tiers = new object?[] { null } };

        using var response = await ProgramApi.PutAsync(client, body, "\"0\"");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "earn.multipliers[1]");
        ProblemResponse.ErrorsFor(problem, "tiers[0]");
    }

    [Fact]
    public async Task PutProgram_WithBranchRestrictedKey_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Put, ProgramApi.Path, InternalTokens.For(tenantId, [.. InternalTokens.AllScopes], "central"), Stars);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetVersion_UnknownOrAnotherTenants_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await ProgramApi.SetAsync(owner, Stars);

        using var unknown = await owner.GetAsync(new Uri($"{ProgramApi.Path}/versions/7", UriKind.Relative));
        using var foreign = await other.GetAsync(new Uri($"{ProgramApi.Path}/versions/1", UriKind.Relative));

        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
    }
}
