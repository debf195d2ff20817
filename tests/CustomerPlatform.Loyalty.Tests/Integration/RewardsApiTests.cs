using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RewardsApiTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    [Fact]
    public async Task CreateReward_Valid_Returns201WithLocationETagAndReward()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(RewardsApi.RewardsPath, RewardsApi.Reward(cost: 250, stock: 5, perCustomerLimit: 2, branches: ["central"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var reward = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{RewardsApi.RewardsPath}/{reward.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        Assert.Equal("Free coffee", reward.GetProperty("name").GetString());
        Assert.Equal(250, reward.GetProperty("costPoints").GetInt64());
        Assert.Equal(5, reward.GetProperty("stock").GetInt32());
        Assert.Equal(2, reward.GetProperty("perCustomerLimit").GetInt32());
        Assert.Equal("central", reward.GetProperty("branches")[0].GetString());
        Assert.Equal("active", reward.GetProperty("status").GetString());
        Assert.True(reward.GetProperty("availableNow").GetBoolean());
    }

    [Fact]
    public async Task CreateReward_InvalidFields_Returns400NamingEachField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var body = new
        {
            name = "  ",
            costPoints = 0,
            stock = -1,
            activeFrom = DateTimeOffset.UtcNow,
            activeTo = DateTimeOffset.UtcNow.AddDays(-1),
            branches = Array.Empty<string>(),
        };

        using var response = await client.PostAsJsonAsync(RewardsApi.RewardsPath, body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "costPoints");
        ProblemResponse.ErrorsFor(problem, "stock");
    }

    [Fact]
    public async Task CreateReward_InconsistentWindowAndBranches_Returns400NamingEachField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var body = new
        {
            name = "Window",
            costPoints = 10,
            activeFrom = DateTimeOffset.UtcNow,
            activeTo = DateTimeOffset.UtcNow.AddDays(-1),
            branches = Array.Empty<string>(),
        };

        using var response = await client.PostAsJsonAsync(RewardsApi.RewardsPath, body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "activeTo");
        ProblemResponse.ErrorsFor(problem, "branches");
    }

    [Fact]
    public async Task CreateReward_SameIdempotencyKeyTwice_CreatesOnceAndReplays()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var body = RewardsApi.Reward();

        using var first = await IdempotentRequest.PostAsync(client, RewardsApi.RewardsPath, key, body);
        using var replay = await IdempotentRequest.PostAsync(client, RewardsApi.RewardsPath, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM rewards WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }

    [Fact]
    public async Task GetReward_AnotherTenantsReward_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var reward = await RewardsApi.CreateRewardAsync(owner, RewardsApi.Reward());
        var path = $"{RewardsApi.RewardsPath}/{reward.GetProperty("id").GetGuid()}";

        using var response = await stranger.GetAsync(path);
        using var own = await owner.GetAsync(path);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotNull(own.Headers.ETag);
    }

    [Fact]
    public async Task UpdateReward_IfMatchMissingStaleAndCurrent_Returns428Then412Then200()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var created = await client.PostAsJsonAsync(RewardsApi.RewardsPath, RewardsApi.Reward());
        var path = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!;
        var change = RewardsApi.Reward(cost: 300, name: "Large coffee");

        using var missing = await client.PutAsJsonAsync(path, change);
        using var stale = await SendPutAsync(client, path, change, new EntityTagHeaderValue("\"1\""));
        using var current = await SendPutAsync(client, path, change, etag);

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.NotEqual(etag, current.Headers.ETag);
        var updated = await current.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Large coffee", updated.GetProperty("name").GetString());
        Assert.Equal(300, updated.GetProperty("costPoints").GetInt64());
    }

    [Fact]
    public async Task ArchiveReward_Twice_SecondIs409AndItIsNoLongerActive()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var reward = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward());
        var path = $"{RewardsApi.RewardsPath}/{reward.GetProperty("id").GetGuid()}/archive";

        using var first = await client.PostAsync(path, null);
        using var second = await client.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var archived = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("archived", archived.GetProperty("status").GetString());
        Assert.False(archived.GetProperty("availableNow").GetBoolean());
        await ProblemResponse.ReadAsync(second, HttpStatusCode.Conflict, "reward-archived");
    }

    [Fact]
    public async Task ListRewards_ActiveAndBranchFilters_PageWithCursor()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var everywhere = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(name: "everywhere"));
        var north = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(name: "north", branches: ["north"]));
        var central = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(name: "central", branches: ["central"]));
        var archived = await RewardsApi.CreateRewardAsync(client, RewardsApi.Reward(name: "archived"));
        (await client.PostAsync($"{RewardsApi.RewardsPath}/{archived.GetProperty("id").GetGuid()}/archive", null)).Dispose();

        var firstPage = await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}?active=true&limit=2");
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}?active=true&limit=2&cursor={cursor}");
        var atNorth = await client.GetFromJsonAsync<JsonElement>($"{RewardsApi.RewardsPath}?branch=north");
        using var badLimit = await client.GetAsync($"{RewardsApi.RewardsPath}?limit=0&active=maybe");

        Assert.Equal<string>([Name(everywhere), Name(north)], Names(firstPage));
        Assert.Equal<string>([Name(central)], Names(secondPage));
        Assert.True(RewardsApi.IsNull(secondPage, "nextCursor"));
        Assert.Equal<string>([Name(everywhere), Name(north), Name(archived)], Names(atNorth));
        var problem = await ProblemResponse.ReadAsync(badLimit, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "limit");
        ProblemResponse.ErrorsFor(problem, "active");
    }

    [Fact]
    public async Task CreateReward_BranchKey_MayOnlyManageItsOwnBranchesRewards()
    {
        var tenantId = Guid.NewGuid();
        using var northKey = RewardsApi.BranchClient(fixture, tenantId, "north");

        using var everywhere = await northKey.PostAsJsonAsync(RewardsApi.RewardsPath, RewardsApi.Reward());
        using var central = await northKey.PostAsJsonAsync(RewardsApi.RewardsPath, RewardsApi.Reward(branches: ["central"]));
        using var own = await northKey.PostAsJsonAsync(RewardsApi.RewardsPath, RewardsApi.Reward(branches: ["north"]));

        await ProblemResponse.ReadAsync(everywhere, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(central, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    private static string Name(JsonElement reward) => reward.GetProperty("name").GetString()!;

    private static string[] Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Name)];

    private static async Task<HttpResponseMessage> SendPutAsync(HttpClient client, string path, object body, EntityTagHeaderValue ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return await client.SendAsync(request);
    }
}
