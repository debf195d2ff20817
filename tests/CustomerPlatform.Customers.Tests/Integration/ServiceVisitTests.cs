using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Customers.Tests.PurchaseHistoryApi;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ServiceVisitTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RecordServiceVisit_ForKnownCustomer_Returns201AndPublishesServiceVisitRecorded()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.service-visit-recorded.v1");
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-2);

        using var response = await client.PostAsJsonAsync(VisitsPath(customerId), new
        {
            branch = "LON-01", staffMember = "Sam Lee", service = "Hearing aid fitting", notes = "Prefers mornings", occurredAt, durationMinutes = 40,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var visitId = body.GetProperty("id").GetGuid();
        Assert.Equal($"{VisitsPath(customerId)}/{visitId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Prefers mornings", body.GetProperty("notes").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("visitId") == visitId, "ServiceVisitRecorded should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("LON-01", observed.GetString("branch"));
        Assert.Equal("Sam Lee", observed.GetString("staffMember"));
        Assert.Equal("Hearing aid fitting", observed.GetString("service"));
        Assert.Equal(40, observed.Message.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(body.GetProperty("occurredAt").GetDateTimeOffset(), observed.Message.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.False(observed.Message.TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task RecordServiceVisit_WithMissingFieldsAndBadDuration_Returns400NamingEach()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(VisitsPath(customerId), new { branch = "LON-01", staffMember = " ", durationMinutes = 0 });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "staffMember");
        ProblemResponse.ErrorsFor(problem, "service");
        ProblemResponse.ErrorsFor(problem, "durationMinutes");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("service_visits", tenantId));
    }

    [Fact]
    public async Task RecordServiceVisit_InTheFuture_Returns422VisitInFuture()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(VisitsPath(customerId), new
        {
            branch = "LON-01", staffMember = "Sam", service = "Fitting", occurredAt = DateTimeOffset.UtcNow.AddDays(1),
        });

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "visit-in-future");
    }

    [Fact]
    public async Task ServiceVisitsOfAnotherBusinessesCustomer_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var strangerTenant = Guid.NewGuid();
        using var stranger = fixture.Service.CreateTenantClient(strangerTenant);
        var customerId = await CustomersApi.RegisterAsync(owner);
        var visitId = await RecordVisitAsync(owner, customerId, DateTimeOffset.UtcNow.AddMinutes(-5));

        using var record = await stranger.PostAsJsonAsync(VisitsPath(customerId), new { branch = "LON-01", staffMember = "Sam", service = "Fitting" });
        using var list = await stranger.GetAsync(VisitsPath(customerId));
        using var one = await stranger.GetAsync($"{VisitsPath(customerId)}/{visitId}");

        await ProblemResponse.ReadAsync(record, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(list, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(one, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("service_visits", strangerTenant));
    }

    [Theory]
    [InlineData("south", HttpStatusCode.Forbidden)]
    [InlineData("north", HttpStatusCode.Created)]
    public async Task RecordServiceVisit_WithBranchRestrictedKey_OnlyAtItsOwnBranch(string keyBranch, HttpStatusCode expected)
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, VisitsPath(customerId), InternalTokens.For(tenantId, InternalTokens.AllScopes, keyBranch),
            new { branch = "north", staffMember = "Sam", service = "Fitting" });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 1L : 0L, await fixture.Database.CountForTenantAsync("service_visits", tenantId));
    }

    [Fact]
    public async Task RecordServiceVisit_ReplayedWithSameIdempotencyKey_RecordsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var key = Guid.NewGuid().ToString();
        var body = new { branch = "LON-01", staffMember = "Sam", service = "Fitting" };
        using var first = await IdempotentRequest.PostAsync(client, VisitsPath(customerId), key, body);

        using var replay = await IdempotentRequest.PostAsync(client, VisitsPath(customerId), key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("service_visits", tenantId));
        Assert.Equal(1L, await CountEventsAsync(fixture.Database, tenantId, "customers.service-visit-recorded.v1"));
    }

    [Fact]
    public async Task ListServiceVisits_PageByPage_ReturnsNewestFirst()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var ids = new List<Guid>();
        for (var day = 0; day < 3; day++)
        {
            ids.Add(await RecordVisitAsync(client, customerId, start.AddDays(day)));
        }

        using var firstPage = await client.GetAsync($"{VisitsPath(customerId)}?limit=2");
        var first = await CustomersApi.ReadJsonAsync(firstPage);
        using var secondPage = await client.GetAsync($"{VisitsPath(customerId)}?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var second = await CustomersApi.ReadJsonAsync(secondPage);
        using var one = await client.GetAsync($"{VisitsPath(customerId)}/{ids[1]}");

        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.True(IsLastPage(second));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(ids[1], (await CustomersApi.ReadJsonAsync(one)).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=%00", "cursor")]
    public async Task ListServiceVisits_WithBadLimitOrCursor_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.GetAsync($"{VisitsPath(customerId)}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    private static async Task<Guid> RecordVisitAsync(HttpClient client, Guid customerId, DateTimeOffset occurredAt)
    {
        using var response = await client.PostAsJsonAsync(VisitsPath(customerId), new { branch = "LON-01", staffMember = "Sam", service = "Fitting", occurredAt });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Recording a visit failed with {(int)response.StatusCode}: {text}");
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }
}
