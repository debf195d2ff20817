using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Messaging;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomerErasureTests(CustomersPrivacyFixture fixture) : IClassFixture<CustomersPrivacyFixture>
{
    private const string RequestedExchange = "customers.customer-erasure-requested.v1";
    private const string ErasedExchange = "customers.customer-erased.v1";
    private static readonly string RequestedType = ContractRegistry.UrnOf(typeof(CustomerErasureRequested));
    private static readonly string ErasedType = ContractRegistry.UrnOf(typeof(CustomerErased));

    [Fact]
    public async Task RequestErasure_KnownCustomer_Returns202AnonymisesAtOnceAndPublishesErasureRequested()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await RegisterWithHistoryAsync(client);
        var metricsBefore = await MetricsAsync(client, customerId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, RequestedExchange);

        using var response = await client.PostAsync(ErasurePath(customerId), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(ErasurePath(customerId), response.Headers.Location?.OriginalString);
        var erasure = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("pending", erasure.GetProperty("status").GetString());
        Assert.Equal(["customers:completed", "feedback:pending", "loyalty:pending", "standards:pending"], ServiceStates(erasure));
        var customer = await GetJsonAsync(client, $"{CustomersApi.CustomersPath}/{customerId}");
        Assert.Equal("Erased customer", customer.GetProperty("displayName").GetString());
        Assert.Equal("erased", customer.GetProperty("status").GetString());
        foreach (var gone in new[] { "givenName", "familyName", "email", "phone", "address", "dateOfBirth", "specialNeeds" })
        {
            Assert.False(customer.TryGetProperty(gone, out var value) && value.ValueKind != JsonValueKind.Null, $"{gone} should be erased: {customer}");
        }

        var personal = await GetJsonAsync(client, PersonalDataPath(customerId));
        Assert.Empty(personal.GetProperty("customer").GetProperty("emails").EnumerateArray());
        Assert.Empty(personal.GetProperty("customer").GetProperty("tags").EnumerateArray());
        var interaction = Assert.Single(personal.GetProperty("interactions").EnumerateArray());
        Assert.Equal("", interaction.GetProperty("summary").GetString());
        Assert.False(interaction.TryGetProperty("staffMember", out var staff) && staff.ValueKind != JsonValueKind.Null);
        Assert.Equal(["billing"], interaction.GetProperty("topics").EnumerateArray().Select(topic => topic.GetString()));
        var visit = Assert.Single(personal.GetProperty("serviceVisits").EnumerateArray());
        Assert.False(visit.TryGetProperty("notes", out var notes) && notes.ValueKind != JsonValueKind.Null);
        var purchase = Assert.Single(personal.GetProperty("purchases").EnumerateArray());
        Assert.Equal(40m, purchase.GetProperty("amount").GetDecimal());
        Assert.Equal("", Assert.Single(purchase.GetProperty("refunds").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(metricsBefore.ToString(), (await MetricsAsync(client, customerId)).ToString());
        var published = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "CustomerErasureRequested should be published");
        Assert.Equal(erasure.GetProperty("id").GetGuid(), published.GetGuid("erasureId"));
        Assert.Equal(tenantId, published.GetGuid("tenantId"));
    }

    [Fact]
    public async Task RequestErasure_Twice_ReturnsTheSameRequest()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);
        using var first = await client.PostAsync(ErasurePath(customerId), null);

        using var second = await client.PostAsync(ErasurePath(customerId), null);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstBody = await CustomersApi.ReadJsonAsync(first);
        var secondBody = await CustomersApi.ReadJsonAsync(second);
        Assert.Equal(firstBody.GetProperty("id").GetGuid(), secondBody.GetProperty("id").GetGuid());
        Assert.Equal(firstBody.GetProperty("requestedAt").GetDateTimeOffset(), secondBody.GetProperty("requestedAt").GetDateTimeOffset());
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'customerId' = @id AND message_type = @type",
            ("id", customerId.ToString()), ("type", RequestedType)));
    }

    [Fact]
    public async Task ErasureCompleted_ByEveryService_TracksEachAndPublishesCustomerErasedOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        using var requested = await client.PostAsync(ErasurePath(customerId), null);
        var erasureId = (await CustomersApi.ReadJsonAsync(requested)).GetProperty("id").GetGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ErasedExchange);

        await CompleteAsync(tenantId, erasureId, customerId, "feedback");
        var partial = await GetJsonAsync(client, ErasurePath(customerId));
        await CompleteAsync(tenantId, erasureId, customerId, "feedback");
        await CompleteAsync(tenantId, erasureId, customerId, "loyalty");
        await CompleteAsync(tenantId, erasureId, customerId, "standards");

        Assert.Equal("pending", partial.GetProperty("status").GetString());
        Assert.Equal(["customers:completed", "feedback:completed", "loyalty:pending", "standards:pending"], ServiceStates(partial));
        var done = await GetJsonAsync(client, ErasurePath(customerId));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.All(done.GetProperty("services").EnumerateArray(), service => Assert.True(service.TryGetProperty("completedAt", out _)));
        Assert.True(done.TryGetProperty("completedAt", out _));
        var erased = await probe.WaitForAsync(e => e.GetGuid("customerId") == customerId, "CustomerErased should be published");
        Assert.Equal(erasureId, erased.GetGuid("erasureId"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'customerId' = @id AND message_type = @type",
            ("id", customerId.ToString()), ("type", ErasedType)));
    }

    [Fact]
    public async Task ErasedCustomer_RefusesUpdatesAndIsLeftOutOfSearchAndSegments()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var keptId = await RegisterAsync(client, new { displayName = "Zebedee Kept", tags = new[] { "vip" } });
        var erasedId = await RegisterAsync(client, new { displayName = "Zebedee Gone", tags = new[] { "vip" } });
        var segmentId = await SegmentsApi.CreateAsync(client, "VIPs", JsonNode.Parse("""[{"field": "tags", "op": "hasAny", "values": ["vip"]}]""")!);
        var countBefore = (await GetJsonAsync(client, $"{SegmentsApi.Path}/{segmentId}/count")).GetProperty("count").GetInt64();
        using var read = await client.GetAsync($"{CustomersApi.CustomersPath}/{erasedId}");
        using (await client.PostAsync(ErasurePath(erasedId), null))
        {
        }

        using var update = new HttpRequestMessage(HttpMethod.Put, $"{CustomersApi.CustomersPath}/{erasedId}")
        {
            Content = JsonContent.Create(new { displayName = "Back again" }),
        };
        update.Headers.IfMatch.Add(EntityTagHeaderValue.Parse((await GetETagAsync(client, erasedId)).ToString()));
        using var updated = await client.SendAsync(update);

        await ProblemResponse.ReadAsync(updated, HttpStatusCode.Conflict, "customer-erased");
        var found = await GetJsonAsync(client, $"{CustomersApi.CustomersPath}?q=Zebedee");
        Assert.Equal([keptId], found.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(2, countBefore);
        Assert.Equal(1, (await GetJsonAsync(client, $"{SegmentsApi.Path}/{segmentId}/count")).GetProperty("count").GetInt64());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task PersonalData_KnownCustomer_ReturnsRecordConsentHistoryPurchasesVisitsAndMetrics()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await RegisterWithHistoryAsync(client);

        var personal = await GetJsonAsync(client, PersonalDataPath(customerId));

        Assert.Equal("ann@example.com", personal.GetProperty("customer").GetProperty("email").GetString());
        Assert.Single(personal.GetProperty("consentHistory").EnumerateArray());
        Assert.Equal("Billing question", Assert.Single(personal.GetProperty("interactions").EnumerateArray()).GetProperty("summary").GetString());
        var purchase = Assert.Single(personal.GetProperty("purchases").EnumerateArray());
        Assert.Equal(2, purchase.GetProperty("lines").GetArrayLength());
        Assert.Single(purchase.GetProperty("refunds").EnumerateArray());
        Assert.Equal("Prefers mornings", Assert.Single(personal.GetProperty("serviceVisits").EnumerateArray()).GetProperty("notes").GetString());
        Assert.Equal(1, personal.GetProperty("metrics").GetProperty("purchaseCount").GetInt32());
        Assert.Empty(personal.GetProperty("segments").EnumerateArray());
        Assert.False(personal.TryGetProperty("erasure", out _));
    }

    [Fact]
    public async Task PrivacyEndpoints_AnotherTenantsOrUnknownCustomer_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);

        foreach (var id in new[] { customerId, Guid.CreateVersion7() })
        {
            using var erase = await other.PostAsync(ErasurePath(id), null);
            using var status = await other.GetAsync(ErasurePath(id));
            using var personal = await other.GetAsync(PersonalDataPath(id));

            await ProblemResponse.ReadAsync(erase, HttpStatusCode.NotFound, "not-found");
            await ProblemResponse.ReadAsync(status, HttpStatusCode.NotFound, "not-found");
            await ProblemResponse.ReadAsync(personal, HttpStatusCode.NotFound, "not-found");
        }

        var customer = await GetJsonAsync(owner, $"{CustomersApi.CustomersPath}/{customerId}");
        Assert.Equal("Ann Smith", customer.GetProperty("displayName").GetString());
        using var notRequested = await owner.GetAsync(ErasurePath(customerId));
        await ProblemResponse.ReadAsync(notRequested, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task RequestErasure_WithoutCustomersWrite_Returns403AndErasesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(owner);
        using var readOnly = fixture.Service.CreateDefaultClient(new InternalTokenHandler(tenantId, [Scopes.CustomersRead]));

        using var response = await readOnly.PostAsync(ErasurePath(customerId), null);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Ann Smith", (await GetJsonAsync(owner, $"{CustomersApi.CustomersPath}/{customerId}")).GetProperty("displayName").GetString());
    }

    private async Task CompleteAsync(Guid tenantId, Guid erasureId, Guid customerId, string service)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(new CustomerErasureCompleted
        {
            TenantId = tenantId,
            ErasureId = erasureId,
            CustomerId = customerId,
            Service = service,
            OccurredAt = DateTimeOffset.UtcNow,
        }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static async Task<Guid> RegisterWithHistoryAsync(HttpClient client)
    {
        var customerId = await RegisterAsync(client, new
        {
            displayName = "Ann Smith",
            givenName = "Ann",
            familyName = "Smith",
            emails = new[] { "ann@example.com" },
            phones = new[] { "+442071234567" },
            dateOfBirth = "1980-02-03",
            specialNeeds = "Wheelchair user",
            tags = new[] { "vip" },
        });
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/consent",
            new { decisions = new[] { new { channel = "email", granted = true, source = "web form", recordedBy = "Sam" } } });
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/interactions",
            new { channel = "phone", purpose = "enquiry", topics = new[] { "billing" }, summary = "Billing question", staffMember = "Sam", branch = "central" });
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/visits",
            new { branch = "central", staffMember = "Sam", service = "Fitting", notes = "Prefers mornings" });
        var purchase = await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/purchases", new
        {
            branch = "central",
            amount = 40m,
            currency = "EUR",
            lines = new[]
            {
                new { sku = "A1", category = "bread", quantity = 2m, unitPrice = 10m },
                new { sku = "B2", category = "cake", quantity = 1m, unitPrice = 20m },
            },
        });
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/purchases/{purchase.GetProperty("id").GetGuid()}/refunds",
            new { kind = "refund", amount = 5m, reason = "Ann said the cake was stale" });
        await Eventually.AssertAsync(
            async () => await MetricsAsync(client, customerId) is var metrics
                && metrics.GetProperty("purchaseCount").GetInt32() == 1
                && metrics.GetProperty("totalSpent").GetDecimal() == 35m,
            "the purchase and its refund should reach the metrics");
        return customerId;
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        var created = await PostAsync(client, CustomersApi.CustomersPath, body);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} failed with {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<EntityTagHeaderValue> GetETagAsync(HttpClient client, Guid customerId)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}");
        return response.Headers.ETag!;
    }

    private static Task<JsonElement> MetricsAsync(HttpClient client, Guid customerId) =>
        GetJsonAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/metrics");

    private static string[] ServiceStates(JsonElement erasure) =>
        [.. erasure.GetProperty("services").EnumerateArray().Select(service => $"{service.GetProperty("service").GetString()}:{service.GetProperty("status").GetString()}")];

    private static string ErasurePath(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/erasure";

    private static string PersonalDataPath(Guid customerId) => $"{CustomersApi.CustomersPath}/personal-data/{customerId}";
}
