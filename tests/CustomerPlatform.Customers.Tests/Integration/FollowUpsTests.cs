using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class FollowUpsTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    // Whole seconds, so the times the service stores (to the microsecond) compare equal to these.
    private static readonly DateTimeOffset LastWeek = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-7).ToUnixTimeSeconds());

    [Fact]
    public async Task CompleteFollowUp_Open_Returns200AndPublishesFollowUpCompleted()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var dueAt = LastWeek.AddDays(1);
        var interactionId = await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(occurredAt: LastWeek, followUpDueAt: dueAt));
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.follow-up-completed.v1");

        using var response = await client.PostAsJsonAsync(
            InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = "Cal", note = "Called back with prices." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = (await CustomersApi.ReadJsonAsync(response)).GetProperty("followUp");
        Assert.Equal("Cal", followUp.GetProperty("completedBy").GetString());
        Assert.Equal("Called back with prices.", followUp.GetProperty("note").GetString());
        var completedAt = followUp.GetProperty("completedAt").GetDateTimeOffset();
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("interactionId") == interactionId,
            $"FollowUpCompleted for {interactionId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("north", observed.GetString("branch"));
        Assert.Equal("Bea", observed.GetString("staffMember"));
        Assert.Equal("Cal", observed.GetString("completedBy"));
        Assert.Equal(dueAt, observed.Message.GetProperty("followUpDueAt").GetDateTimeOffset());
        Assert.Equal(completedAt, observed.Message.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task CompleteFollowUp_Twice_ReturnsTheFirstCompletionAndPublishesOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var interactionId = await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(occurredAt: LastWeek, followUpDueAt: LastWeek.AddDays(1)));
        using var first = await client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = "Cal" });

        using var second = await client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = "Dee" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(1L, await CountCompletedEventsAsync(tenantId));
    }

    [Fact]
    public async Task CompleteFollowUp_Concurrently_PublishesOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var interactionId = await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(occurredAt: LastWeek, followUpDueAt: LastWeek.AddDays(1)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(n =>
            client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = $"Staff {n}" })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1L, await CountCompletedEventsAsync(tenantId));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CompleteFollowUp_WhenNoneIsOwed_Returns409NoFollowUp()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var interactionId = await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body());

        using var response = await client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = "Cal" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "no-follow-up");
        Assert.Equal(0L, await CountCompletedEventsAsync(tenantId));
    }

    [Fact]
    public async Task CompleteFollowUp_WithoutCompletedBy_Returns400NamingIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var interactionId = await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(occurredAt: LastWeek, followUpDueAt: LastWeek.AddDays(1)));

        using var response = await client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { note = "who?" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "completedBy");
    }

    [Fact]
    public async Task CompleteFollowUp_OfAnotherTenant_Returns404AndChangesNothing()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        var interactionId = await InteractionsApi.RecordIdAsync(owner, customerId, InteractionsApi.Body(occurredAt: LastWeek, followUpDueAt: LastWeek.AddDays(1)));

        using var response = await stranger.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, interactionId), new { completedBy = "Mallory" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Null(await fixture.Database.ScalarAsync<DateTime?>(
            "SELECT follow_up_completed_at FROM interactions WHERE id = @id", ("id", interactionId)));
    }

    [Fact]
    public async Task CompleteFollowUp_BranchKeyForOtherBranch_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        var interactionId = await InteractionsApi.RecordIdAsync(owner, customerId, InteractionsApi.Body(branch: "north", occurredAt: LastWeek, followUpDueAt: LastWeek.AddDays(1)));
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, InteractionsApi.CompletePath(customerId, interactionId), InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            new { completedBy = "Sam" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await CountCompletedEventsAsync(tenantId));
    }

    [Fact]
    public async Task ListFollowUps_WithFilters_ReturnsOnlyMatchingOpenOnesSoonestDueFirst()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var otherCustomerId = await CustomersApi.RegisterAsync(client, "Ben");
        var now = DateTimeOffset.UtcNow;
        var overdueNorth = await Record(client, customerId, "north", "Bea", now.AddDays(-2));
        var dueSoonNorth = await Record(client, otherCustomerId, "north", "Cal", now.AddDays(1));
        var dueLaterNorth = await Record(client, customerId, "north", "Bea", now.AddDays(10));
        var overdueSouth = await Record(client, customerId, "south", "Bea", now.AddDays(-1));
        var completed = await Record(client, customerId, "north", "Bea", now.AddDays(-3));
        await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(branch: "north"));
        using (var done = await client.PostAsJsonAsync(InteractionsApi.CompletePath(customerId, completed), new { completedBy = "Bea" }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        using var strangerClient = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var strangersCustomer = await CustomersApi.RegisterAsync(strangerClient);
        await Record(strangerClient, strangersCustomer, "north", "Bea", now.AddDays(-2));

        var all = await ListAsync(client, "");
        var north = await ListAsync(client, "?branch=north");
        var bea = await ListAsync(client, "?staffMember=Bea");
        var overdue = await ListAsync(client, "?overdue=true");
        var notYetDue = await ListAsync(client, "?overdue=false");
        var dueBefore = await ListAsync(client, $"?branch=north&dueBefore={Uri.EscapeDataString(now.AddDays(5).ToString("O"))}");

        Assert.Equal([overdueNorth, overdueSouth, dueSoonNorth, dueLaterNorth], all);
        Assert.Equal([overdueNorth, dueSoonNorth, dueLaterNorth], north);
        Assert.Equal([overdueNorth, overdueSouth, dueLaterNorth], bea);
        Assert.Equal([overdueNorth, overdueSouth], overdue);
        Assert.Equal([dueSoonNorth, dueLaterNorth], notYetDue);
        Assert.Equal([overdueNorth, dueSoonNorth], dueBefore);
    }

    [Fact]
    public async Task ListFollowUps_AcrossPages_KeysetByDueThenId()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var due = DateTimeOffset.UtcNow.AddDays(3);
        var ids = new List<Guid>();
        foreach (var days in new[] { 2, 0, 1, 1, 0 })
        {
            ids.Add(await Record(client, customerId, "north", "Bea", due.AddDays(days)));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await client.GetAsync($"{InteractionsApi.FollowUpsPath}?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            var page = await CustomersApi.ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(InteractionsApi.Ids(page));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Guid[] expected = [.. new[] { ids[1], ids[4] }.Order(), .. new[] { ids[2], ids[3] }.Order(), ids[0]];
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("dueBefore=soon", "dueBefore")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=AAAA", "cursor")]
    public async Task ListFollowUps_WithBadParameter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{InteractionsApi.FollowUpsPath}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task ListFollowUps_BranchKey_SeesOnlyItsOwnBranchAndIsRefusedAnother()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        var north = await Record(owner, customerId, "north", "Bea", DateTimeOffset.UtcNow.AddDays(1));
        await Record(owner, customerId, "south", "Bea", DateTimeOffset.UtcNow.AddDays(1));
        using var client = fixture.Service.CreateClient();
        var token = InternalTokens.For(tenantId, InternalTokens.AllScopes, "north");

        using var own = await client.SendWithTokenAsync(HttpMethod.Get, InteractionsApi.FollowUpsPath, token);
        using var other = await client.SendWithTokenAsync(HttpMethod.Get, $"{InteractionsApi.FollowUpsPath}?branch=south", token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal([north], InteractionsApi.Ids(await CustomersApi.ReadJsonAsync(own)));
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<Guid> Record(HttpClient client, Guid customerId, string branch, string staffMember, DateTimeOffset dueAt) =>
        await InteractionsApi.RecordIdAsync(
            client, customerId, InteractionsApi.Body(branch: branch, staffMember: staffMember, occurredAt: LastWeek.AddDays(-3), followUpDueAt: dueAt));

    private static async Task<Guid[]> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(InteractionsApi.FollowUpsPath + query);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Listing follow-ups{query} gave {(int)response.StatusCode}: {body}");
        return InteractionsApi.Ids(body);
    }

    private Task<long> CountCompletedEventsAsync(Guid tenantId) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%follow-up-completed%'", ("tenant", tenantId));
}
