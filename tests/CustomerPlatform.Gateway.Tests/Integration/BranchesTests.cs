using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class BranchesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string BranchesPath = "/api/v1/branches";

    [Fact]
    public async Task Register_WithOwnerKey_Returns201WithETagAndPublishesBranchRegisteredWithTheWholeBranch()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "gateway.branch-registered.v1");

        using var response = await client.SendAsync(HttpMethod.Post, BranchesPath, business.ApiKey.Key, NorthBranch());

        var branch = await GatewayCalls.ReadJsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/v1/branches/north", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("open", branch.GetProperty("status").GetString());
        Assert.Equal("Europe/London", branch.GetProperty("timeZone").GetString());
        // Sorted by weekday (Monday first) and time, whatever order they were sent in.
        var hours = branch.GetProperty("openingHours").EnumerateArray().Select(p => $"{p.GetProperty("day").GetString()} {p.GetProperty("opens").GetString()}-{p.GetProperty("closes").GetString()}").ToList();
        Assert.Equal(["monday 09:00:00-12:30:00", "monday 13:30:00-17:30:00", "saturday 10:00:00-00:00:00"], hours);
        Assert.Equal("GB", branch.GetProperty("address").GetProperty("country").GetString());

        var published = await probe.WaitForAsync(e => e.Message.GetProperty("tenantId").GetGuid() == business.BusinessId, "BranchRegistered should be published");
        Assert.Equal("north", published.GetString("code"));
        Assert.Equal(1, published.Message.GetProperty("revision").GetInt32());
        Assert.Equal("monday", published.Message.GetProperty("openingHours")[0].GetProperty("day").GetString());
        Assert.Equal("2026-12-25", published.Message.GetProperty("holidays")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Register_WithEverythingWrong_Returns400NamingEachField()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, BranchesPath, business.ApiKey.Key, new
        {
            code = "north branch!",
            name = "North",
            timeZone = "GMT Standard Time",
            address = new { line1 = "1 High St", city = "Leeds", country = "GBR" },
            openingHours = new object[]
            {
                new { day = "monday", opens = "09:00", closes = "08:00" },
                new { day = "tuesday", opens = "09:00", closes = "17:00" },
                new { day = "tuesday", opens = "16:00", closes = "18:00" },
            },
            holidays = new[] { new { date = "2026-12-25", name = "Christmas" }, new { date = "2026-12-25", name = "Again" } },
        });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "code");
        Assert.Contains("IANA", ProblemResponse.ErrorsFor(problem, "timeZone")[0], StringComparison.Ordinal);
        ProblemResponse.ErrorsFor(problem, "address.country");
        ProblemResponse.ErrorsFor(problem, "openingHours[0].closes");
        Assert.Contains("Overlaps", ProblemResponse.ErrorsFor(problem, "openingHours[2]")[0], StringComparison.Ordinal);
        ProblemResponse.ErrorsFor(problem, "holidays[1].date");
    }

    [Fact]
    public async Task Register_UnknownWeekday_Returns400NamingTheJsonPath()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, BranchesPath, business.ApiKey.Key, new
        {
            code = "north", name = "North", timeZone = "Europe/London",
            openingHours = new[] { new { day = "funday", opens = "09:00", closes = "17:00" } },
        });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("openingHours[0].day", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SameCodeTwice_Returns409AndKeepsTheFirst()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using (var first = await client.SendAsync(HttpMethod.Post, BranchesPath, business.ApiKey.Key, NorthBranch()))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await client.SendAsync(HttpMethod.Post, BranchesPath, business.ApiKey.Key, NorthBranch() with { name = "Another North" });

        await ProblemResponse.ReadAsync(second, HttpStatusCode.Conflict, "duplicate");
        var kept = await GetAsync(client, business.ApiKey.Key, "north");
        Assert.Equal("North", kept.Body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task SameCode_InTwoBusinesses_AreSeparateBranchesAndNeitherSeesTheOther()
    {
        var first = await fixture.CreateBusinessAsync();
        var second = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        using (var created = await client.SendAsync(HttpMethod.Post, BranchesPath, first.ApiKey.Key, NorthBranch()))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var missing = await client.SendAsync(HttpMethod.Get, $"{BranchesPath}/north", second.ApiKey.Key))
        {
            await ProblemResponse.ReadAsync(missing, HttpStatusCode.NotFound, "not-found");
        }

        using (var close = await client.SendAsync(HttpMethod.Post, $"{BranchesPath}/north/close", second.ApiKey.Key))
        {
            await ProblemResponse.ReadAsync(close, HttpStatusCode.NotFound, "not-found");
        }

        using (var own = await client.SendAsync(HttpMethod.Post, BranchesPath, second.ApiKey.Key, NorthBranch() with { name = "Their North" }))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }

        using var listed = await client.SendAsync(HttpMethod.Get, BranchesPath, first.ApiKey.Key);
        var items = (await GatewayCalls.ReadJsonAsync(listed, HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal("North", Assert.Single(items.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task KeyWithoutBranchesManage_MayReadButNotRegister()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch());
        var reader = (await client.CreateKeyAsync(business.ApiKey.Key, new { name = "Till", scopes = new[] { "customers:read" } })).GetProperty("key").GetString();

        using var register = await client.SendAsync(HttpMethod.Post, BranchesPath, reader, NorthBranch() with { code = "south" });
        using var read = await client.SendAsync(HttpMethod.Get, $"{BranchesPath}/north", reader);

        await ProblemResponse.ReadAsync(register, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task BranchRestrictedKey_ManagesOnlyItsOwnBranch()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch());
        var manager = (await client.CreateKeyAsync(business.ApiKey.Key, new { name = "North manager", scopes = new[] { "branches:manage" }, branch = "north" }))
            .GetProperty("key").GetString()!;

        using var other = await client.SendAsync(HttpMethod.Post, BranchesPath, manager, NorthBranch() with { code = "south" });
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        var north = await GetAsync(client, manager, "north");
        using var update = await SendWithETagAsync(client, HttpMethod.Put, "north", manager, north.ETag, Update(NorthBranch() with { name = "North (new)" }));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
    }

    [Fact]
    public async Task Update_NeedsTheCurrentETag_And_PublishesWhatChanged()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "gateway.branch-updated.v1");
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch());
        var read = await GetAsync(client, business.ApiKey.Key, "north");
        var changed = Update(NorthBranch() with { name = "North Street", timeZone = "Europe/Dublin" });

        using (var withoutETag = await SendWithETagAsync(client, HttpMethod.Put, "north", business.ApiKey.Key, eTag: null, changed))
        {
            await ProblemResponse.ReadAsync(withoutETag, HttpStatusCode.PreconditionRequired, "precondition-required");
        }

        using var updated = await SendWithETagAsync(client, HttpMethod.Put, "north", business.ApiKey.Key, read.ETag, changed);
        var body = await GatewayCalls.ReadJsonAsync(updated, HttpStatusCode.OK);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        Assert.Equal("North Street", body.GetProperty("name").GetString());

        using (var stale = await SendWithETagAsync(client, HttpMethod.Put, "north", business.ApiKey.Key, read.ETag, changed))
        {
            await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        }

        var published = await probe.WaitForAsync(e => e.Message.GetProperty("tenantId").GetGuid() == business.BusinessId, "BranchUpdated should be published");
        Assert.Equal(["name", "timeZone"], published.Message.GetProperty("changed").EnumerateArray().Select(field => field.GetString()));
        Assert.Equal(2, published.Message.GetProperty("revision").GetInt32());
        Assert.Equal("Europe/Dublin", published.GetString("timeZone"));
    }

    [Fact]
    public async Task Update_WithNothingChanged_KeepsTheRevision()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch());
        var read = await GetAsync(client, business.ApiKey.Key, "north");

        using var same = await SendWithETagAsync(client, HttpMethod.Put, "north", business.ApiKey.Key, read.ETag, Update(NorthBranch()));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("\"1\"", same.Headers.ETag?.ToString());
        Assert.Equal(1, await CountEventsAsync<BranchRegistered>(business.BusinessId));
        Assert.Equal(0, await CountEventsAsync<BranchUpdated>(business.BusinessId));
    }

    [Fact]
    public async Task Close_MarksTheBranchClosedOnce_AndAClosedBranchIsNotChanged()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch());
        await RegisterAsync(client, business.ApiKey.Key, NorthBranch() with { code = "south", name = "South" });

        using var closed = await client.SendAsync(HttpMethod.Post, $"{BranchesPath}/north/close", business.ApiKey.Key);
        var body = await GatewayCalls.ReadJsonAsync(closed, HttpStatusCode.OK);
        using var again = await client.SendAsync(HttpMethod.Post, $"{BranchesPath}/north/close", business.ApiKey.Key);
        using var update = await SendWithETagAsync(client, HttpMethod.Put, "north", business.ApiKey.Key, "*", Update(NorthBranch()));

        Assert.Equal("closed", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await CountEventsAsync<BranchClosed>(business.BusinessId));
        await ProblemResponse.ReadAsync(update, HttpStatusCode.Conflict, "branch-closed");
        using var open = await client.SendAsync(HttpMethod.Get, $"{BranchesPath}?status=open", business.ApiKey.Key);
        var items = (await GatewayCalls.ReadJsonAsync(open, HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal("south", Assert.Single(items.EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400NamingStatus()
    {
        var business = await fixture.CreateBusinessAsync();
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, $"{BranchesPath}?status=archived", business.ApiKey.Key);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("open", ProblemResponse.ErrorsFor(problem, "status")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branches_WithoutKey_Return401()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, BranchesPath, key: null);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    // The outbox row is written in the request's transaction, so the count is exact once the response is in.
    private Task<long> CountEventsAsync<TEvent>(Guid tenantId) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND tenant_id = @tenant",
            ("type", ContractRegistry.UrnOf(typeof(TEvent))),
            ("tenant", tenantId));

    private static BranchBody NorthBranch() => new(
        "north",
        "North",
        "Europe/London",
        new { line1 = "1 High Street", city = "Leeds", postalCode = "LS1 1AA", country = "gb" },
        [
            new { day = "saturday", opens = "10:00", closes = "00:00" },
            new { day = "monday", opens = "13:30", closes = "17:30" },
            new { day = "monday", opens = "09:00", closes = "12:30" },
        ],
        [new { date = "2026-12-25", name = "Christmas Day" }]);

    private static object Update(BranchBody body) =>
        new { body.name, body.timeZone, body.address, body.openingHours, body.holidays };

    private static async Task RegisterAsync(HttpClient client, string key, BranchBody body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, BranchesPath, key, body);
        await GatewayCalls.ReadJsonAsync(response, HttpStatusCode.Created);
    }

    private static async Task<(JsonElement Body, string ETag)> GetAsync(HttpClient client, string key, string code)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"{BranchesPath}/{code}", key);
        var body = await GatewayCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        return (body, response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> SendWithETagAsync(HttpClient client, HttpMethod method, string code, string key, string? eTag, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{BranchesPath}/{code}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (eTag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", eTag);
        }

        return await client.SendAsync(request);
    }

    // Lower-case members: serialised as the JSON a client sends.
#pragma warning disable IDE1006, SA1300
    private sealed record BranchBody(string code, string name, string timeZone, object? address, object[] openingHours, object[] holidays);
#pragma warning restore IDE1006, SA1300
}
