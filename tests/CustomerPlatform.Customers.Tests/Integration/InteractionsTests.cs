using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class InteractionsTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RecordInteraction_ForKnownCustomer_Returns201AndPublishesInteractionRecorded()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.interaction-recorded.v1");
        var occurredAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        var dueAt = occurredAt.AddDays(2);

        using var response = await client.PostAsJsonAsync(
            InteractionsApi.InteractionsPath(customerId),
            InteractionsApi.Body(channel: "inPerson", purpose: "informationRequest", topics: [" Opening Hours", "opening hours", "PARKING"], occurredAt: occurredAt, followUpDueAt: dueAt));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var interactionId = body.GetProperty("id").GetGuid();
        Assert.Equal($"{InteractionsApi.InteractionsPath(customerId)}/{interactionId}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("inPerson", body.GetProperty("channel").GetString());
        Assert.Equal("informationRequest", body.GetProperty("purpose").GetString());
        Assert.Equal(["opening hours", "parking"], body.GetProperty("topics").EnumerateArray().Select(topic => topic.GetString()));
        Assert.Equal(dueAt, body.GetProperty("followUp").GetProperty("dueAt").GetDateTimeOffset());
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("interactionId") == interactionId,
            $"InteractionRecorded for {interactionId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("north", observed.GetString("branch"));
        Assert.Equal("inPerson", observed.GetString("channel"));
        Assert.Equal("informationRequest", observed.GetString("purpose"));
        Assert.Equal(["opening hours", "parking"], observed.Message.GetProperty("topics").EnumerateArray().Select(topic => topic.GetString()));
        Assert.Equal("Bea", observed.GetString("staffMember"));
        Assert.Equal(occurredAt, observed.Message.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(dueAt, observed.Message.GetProperty("followUpDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetInteraction_AfterRecording_Returns200WithItAndItsETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        using var created = await client.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body());
        var createdBody = await created.Content.ReadAsStringAsync();

        using var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.Headers.ETag, response.Headers.ETag);
        Assert.Equal(createdBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetInteraction_OfAnotherTenant_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        var interactionId = await InteractionsApi.RecordIdAsync(owner, customerId, InteractionsApi.Body());

        using var response = await stranger.GetAsync($"{InteractionsApi.InteractionsPath(customerId)}/{interactionId}");

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task RecordInteraction_ForAnotherTenantsCustomer_Returns404AndStoresNothing()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var strangerTenant = Guid.NewGuid();
        using var stranger = fixture.Service.CreateTenantClient(strangerTenant);
        var customerId = await CustomersApi.RegisterAsync(owner);

        using var response = await stranger.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body());

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("interactions", strangerTenant));
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("outbox_messages", strangerTenant));
    }

    [Theory]
    [InlineData("summary", "")]
    [InlineData("summary", null)]
    [InlineData("branch", "   ")]
    [InlineData("channel", null)]
    [InlineData("purpose", null)]
    [InlineData("staffMember", "long")]
    [InlineData("summary", "long")]
    public async Task RecordInteraction_WithAnInvalidField_Returns400NamingIt(string field, string? value)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var body = InteractionsApi.Body().With(field, value == "long" ? new string('x', 4001) : value);

        using var response = await client.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("interactions", tenantId));
    }

    [Fact]
    public async Task RecordInteraction_WithBadTopics_Returns400NamingEachOne()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var body = InteractionsApi.Body(topics: ["fine", " ", new string('t', 51)]);

        using var response = await client.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "topics[1]");
        ProblemResponse.ErrorsFor(problem, "topics[2]");
    }

    [Fact]
    public async Task RecordInteraction_WithTwentyOneTopics_Returns400ForTopics()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var body = InteractionsApi.Body(topics: [.. Enumerable.Range(1, 21).Select(n => $"topic {n}")]);

        using var response = await client.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), body);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "topics");
    }

    [Fact]
    public async Task RecordInteraction_WithUnknownChannel_Returns400MalformedJsonNamingIt()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body(channel: "pigeon"));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, "$.channel");
    }

    [Fact]
    public async Task RecordInteraction_MoreThanFiveMinutesInTheFuture_Returns422InteractionInFuture()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.PostAsJsonAsync(
            InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body(occurredAt: DateTimeOffset.UtcNow.AddMinutes(10)));

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "interaction-in-future");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("interactions", tenantId));
    }

    [Fact]
    public async Task RecordInteraction_WithFollowUpDueBeforeIt_Returns422()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-1);

        using var response = await client.PostAsJsonAsync(
            InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body(occurredAt: occurredAt, followUpDueAt: occurredAt.AddMinutes(-1)));

        await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "follow-up-before-interaction");
    }

    [Fact]
    public async Task RecordInteraction_ReplayedWithSameKey_ReturnsStoredResponseAndRecordsOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var key = Guid.NewGuid().ToString();
        var body = InteractionsApi.Body();
        using var first = await IdempotentRequest.PostAsync(client, InteractionsApi.InteractionsPath(customerId), key, body);

        using var replay = await IdempotentRequest.PostAsync(client, InteractionsApi.InteractionsPath(customerId), key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("interactions", tenantId));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%interaction-recorded%'", ("tenant", tenantId)));
    }

    [Fact]
    public async Task RecordInteraction_BranchKeyForOtherBranch_Returns403AndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, InteractionsApi.InteractionsPath(customerId), InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            InteractionsApi.Body(branch: "north"));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("interactions", tenantId));
    }

    [Fact]
    public async Task RecordInteraction_BranchKeyForOwnBranch_Returns201()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, InteractionsApi.InteractionsPath(customerId), InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"),
            InteractionsApi.Body(branch: "south"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ListInteractions_AcrossPages_NewestFirstWithEveryOneOnce()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        var otherCustomerId = await CustomersApi.RegisterAsync(client, "Other");
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var ids = new List<Guid>();
        foreach (var hours in new[] { 5, 1, 3, 3, 0 })
        {
            ids.Add(await InteractionsApi.RecordIdAsync(client, customerId, InteractionsApi.Body(occurredAt: start.AddHours(hours))));
        }

        await InteractionsApi.RecordIdAsync(client, otherCustomerId, InteractionsApi.Body(occurredAt: start));

        using var first = await client.GetAsync($"{InteractionsApi.InteractionsPath(customerId)}?limit=2");
        var firstPage = await CustomersApi.ReadJsonAsync(first);
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        using var second = await client.GetAsync($"{InteractionsApi.InteractionsPath(customerId)}?limit=2&cursor={cursor}");
        var secondPage = await CustomersApi.ReadJsonAsync(second);
        using var third = await client.GetAsync($"{InteractionsApi.InteractionsPath(customerId)}?limit=2&cursor={secondPage.GetProperty("nextCursor").GetString()}");
        var thirdPage = await CustomersApi.ReadJsonAsync(third);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sameHour = new[] { ids[2], ids[3] }.OrderDescending();
        Guid[] expected = [ids[0], .. sameHour, ids[1], ids[4]];
        Guid[] seen = [.. InteractionsApi.Ids(firstPage), .. InteractionsApi.Ids(secondPage), .. InteractionsApi.Ids(thirdPage)];
        Assert.Equal(expected, seen);
        Assert.False(thirdPage.TryGetProperty("nextCursor", out var last) && last.ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task ListInteractions_WithBadPaging_Returns400NamingTheField(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.GetAsync($"{InteractionsApi.InteractionsPath(customerId)}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task ListInteractions_OfAnotherTenantsCustomer_Returns404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        await InteractionsApi.RecordIdAsync(owner, customerId, InteractionsApi.Body());

        using var response = await stranger.GetAsync(InteractionsApi.InteractionsPath(customerId));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
