using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AdjustmentsTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string AdjustedExchange = "loyalty.points-adjusted.v1";

    private static string AdjustmentsPath(Guid customerId) => $"/api/v1/loyalty/accounts/{customerId}/adjustments";

    [Fact]
    public async Task AdjustPoints_Credit_Returns201WithEntryAndPublishesPointsAdjusted()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 20m));
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AdjustedExchange);

        using var response = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 15, reason = "till was offline", branch = "north" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entryId = entry.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/loyalty/accounts/{customerId}/ledger/{entryId}", response.Headers.Location?.OriginalString);
        Assert.Equal("adjust", entry.GetProperty("type").GetString());
        Assert.Equal("adjustment", entry.GetProperty("source").GetString());
        Assert.Equal(15, entry.GetProperty("points").GetInt64());
        Assert.Equal(35, entry.GetProperty("balanceAfter").GetInt64());
        Assert.Equal("till was offline", entry.GetProperty("reason").GetString());
        Assert.Equal("north", entry.GetProperty("branch").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("actor").GetString()));
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var published = await probe.WaitForAsync(e => e.GetGuid("entryId") == entryId, "PointsAdjusted should reach its exchange");
        Assert.Equal(entryId, published.GetGuid("eventId"));
        Assert.Equal(1, published.Message.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(customerId, published.GetGuid("customerId"));
        Assert.Equal(15, published.Message.GetProperty("points").GetInt64());
        Assert.Equal(35, published.Message.GetProperty("balanceAfter").GetInt64());
        Assert.Equal("till was offline", published.GetString("reason"));
        Assert.Equal(entry.GetProperty("actor").GetString(), published.GetString("actor"));
        Assert.Equal("adjustment", published.GetString("source"));
        Assert.Equal(35, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task AdjustPoints_DebitBeyondBalance_Returns422AndLeavesBalance()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 10m));
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = -11, reason = "double credit" });
        using var exact = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = -10, reason = "double credit" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient-points");
        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);
        Assert.Equal(0, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task AdjustPoints_InvalidBody_Returns400WithFieldErrors()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var zero = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 0, reason = "nothing" });
        using var blank = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 3, reason = "   " });
        using var missing = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { branch = "north" });
        using var noPoints = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { reason = "no points" });
        using var tooLong = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 5, reason = new string('x', 501) });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(zero, HttpStatusCode.BadRequest, "validation"), "points");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(blank, HttpStatusCode.BadRequest, "validation"), "reason");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(missing, HttpStatusCode.BadRequest, "validation"), "reason");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(noPoints, HttpStatusCode.BadRequest, "validation"), "points");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(tooLong, HttpStatusCode.BadRequest, "validation"), "reason");
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.customer_id = @id", ("id", customerId)));
    }

    [Fact]
    public async Task AdjustPoints_SameIdempotencyKeyTwice_PostsOnceAndReplaysResponse()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var key = Guid.NewGuid().ToString();
        var body = new { points = 40, reason = "welcome back" };

        using var first = await IdempotentRequest.PostAsync(client, AdjustmentsPath(customerId), key, body);
        using var replay = await IdempotentRequest.PostAsync(client, AdjustmentsPath(customerId), key, body);
        using var reused = await IdempotentRequest.PostAsync(client, AdjustmentsPath(customerId), key, new { points = 41, reason = "welcome back" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        await ProblemResponse.ReadAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(40, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task AdjustPoints_AnotherTenantsOrUnknownCustomer_Returns404()
    {
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(Guid.NewGuid(), customerId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var foreign = await other.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 5, reason = "probe" });
        using var unknown = await other.PostAsJsonAsync(AdjustmentsPath(Guid.NewGuid()), new { points = 5, reason = "probe" });

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task AdjustPoints_BranchRestrictedKey_Returns403ForOtherBranchAndDefaultsToItsOwn()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        using var client = fixture.Service.CreateClient();
        var token = InternalTokens.For(tenantId, InternalTokens.AllScopes, "central");

        using var other = await client.SendWithTokenAsync(HttpMethod.Post, AdjustmentsPath(customerId), token, new { points = 5, reason = "x", branch = "north" });
        using var own = await client.SendWithTokenAsync(HttpMethod.Post, AdjustmentsPath(customerId), token, new { points = 5, reason = "x" });

        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal("central", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("branch").GetString());
        Assert.Equal(5, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
    }

    [Fact]
    public async Task CustomerErasureRequested_AfterAdjustment_BlanksReasonAndActorButKeepsPoints()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var adjusted = await client.PostAsJsonAsync(AdjustmentsPath(customerId), new { points = 12, reason = "Ada was overcharged by Bob" });
        Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);

        await fixture.DeliverAsync(new CustomerErasureRequested
        {
            TenantId = tenantId,
            ErasureId = Guid.NewGuid(),
            CustomerId = customerId,
            OccurredAt = DateTimeOffset.UtcNow,
        });

        using var read = await client.GetAsync(adjusted.Headers.Location);
        var entry = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(entry.TryGetProperty("reason", out _), $"the reason should be blanked: {entry}");
        Assert.False(entry.TryGetProperty("actor", out _), $"the actor should be blanked: {entry}");
        Assert.Equal(12, entry.GetProperty("points").GetInt64());
        Assert.Equal(12, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId);
    }
}
