using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>Each rule type over one small population, through count and members: who matches, and who never does.</summary>
[Trait("Category", "Integration")]
public sealed class SegmentRulesTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Theory]
    [InlineData("""[]""", "Ann,Bob,Cyd")]
    [InlineData("""[{"field": "status", "op": "in", "values": ["active"]}]""", "Ann")]
    [InlineData("""[{"field": "status", "op": "eq", "value": "lapsed"}]""", "Bob")]
    [InlineData("""[{"field": "kind", "op": "eq", "value": "business"}]""", "Cyd")]
    [InlineData("""[{"field": "homeBranch", "op": "in", "values": ["LON-01"]}]""", "Ann,Cyd")]
    [InlineData("""[{"field": "tags", "op": "hasAny", "values": ["VIP", "gold"]}]""", "Ann,Bob")]
    [InlineData("""[{"field": "tags", "op": "hasAll", "values": ["vip", "gold"]}]""", "Ann")]
    [InlineData("""[{"field": "rating", "op": "gte", "value": 4}]""", "Ann")]
    [InlineData("""[{"field": "rating", "op": "lte", "value": 2}]""", "Bob")]
    [InlineData("""[{"field": "consent", "op": "granted", "value": "email"}]""", "Ann")]
    [InlineData("""[{"field": "attribute", "key": "shoeSize", "op": "gt", "value": 40}]""", "Ann")]
    [InlineData("""[{"field": "attribute", "key": "shoeSize", "op": "lt", "value": 40}]""", "Bob")]
    [InlineData("""[{"field": "attribute", "key": "shoeSize", "op": "eq", "value": 38}]""", "Bob")]
    [InlineData("""[{"field": "attribute", "key": "shoeSize", "op": "exists"}]""", "Ann,Bob")]
    [InlineData("""[{"field": "daysSinceLastPurchase", "op": "lte", "value": 30}]""", "Ann")]
    [InlineData("""[{"field": "daysSinceLastPurchase", "op": "gte", "value": 100}]""", "Bob")]
    [InlineData("""[{"field": "daysSinceRegistered", "op": "lte", "value": 30}]""", "Ann,Bob")]
    [InlineData("""[{"field": "daysSinceRegistered", "op": "gte", "value": 90}]""", "Cyd")]
    [InlineData("""[{"field": "purchaseCount", "op": "gte", "value": 2}]""", "Ann")]
    [InlineData("""[{"field": "purchaseCount", "op": "lte", "value": 1}]""", "Bob,Cyd")]
    [InlineData("""[{"field": "totalSpent", "op": "gte", "value": 100}]""", "Ann")]
    [InlineData("""[{"field": "totalSpent", "op": "lte", "value": 50}]""", "Bob,Cyd")]
    [InlineData("""[{"field": "recencyScore", "op": "gte", "value": 4}]""", "Ann")]
    [InlineData("""[{"field": "frequencyScore", "op": "eq", "value": 1}]""", "Bob")]
    [InlineData("""[{"field": "monetaryScore", "op": "lte", "value": 2}]""", "Bob")]
    [InlineData("""[{"field": "rfmCell", "op": "in", "values": ["555", "554"]}]""", "Ann")]
    [InlineData("""[{"field": "valueTier", "op": "in", "values": ["top", "high"]}]""", "Ann")]
    [InlineData("""[{"field": "valueTier", "op": "eq", "value": "none"}]""", "Cyd")]
    [InlineData("""[{"field": "prospect", "op": "eq", "value": true}]""", "Cyd")]
    [InlineData("""[{"field": "prospect", "op": "eq", "value": false}]""", "Ann,Bob")]
    [InlineData("""[{"any": [{"field": "rating", "op": "gte", "value": 5}, {"field": "kind", "op": "eq", "value": "business"}]}]""", "Ann,Cyd")]
    [InlineData("""[{"field": "tags", "op": "hasAny", "values": ["gold"]}, {"field": "rating", "op": "lte", "value": 3}]""", "Bob")]
    public async Task Segment_Rule_CountsAndListsExactlyTheMatchingCustomers(string conditions, string expected)
    {
        var (tenantId, names) = await ArrangePopulationAsync();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var segmentId = await SegmentsApi.CreateAsync(client, "Under test", JsonNode.Parse(conditions)!);

        using var count = await client.GetAsync($"{SegmentsApi.Path}/{segmentId}/count");
        using var members = await client.GetAsync($"{SegmentsApi.Path}/{segmentId}/members?limit=200");

        var expectedNames = expected.Split(',');
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal(expectedNames.Length, (await CustomersApi.ReadJsonAsync(count)).GetProperty("count").GetInt64());
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(members);
        var found = body.GetProperty("items").EnumerateArray().Select(item => names[item.GetProperty("id").GetGuid()]).Order();
        Assert.Equal(expectedNames, found);
        Assert.False(body.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind != JsonValueKind.Null);
    }

    /// <summary>
    /// Ann (active, top tier), Bob (lapsed, low tier), Cyd Ltd (a business prospect registered 100 days ago); Dee
    /// matches much but is archived, and Eve, in another business, matches everything Ann does.
    /// </summary>
    private async Task<(Guid TenantId, Dictionary<Guid, string> Names)> ArrangePopulationAsync()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var definition = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/shoeSize", new { type = "number", label = "Shoe size" });
        Assert.True(definition.IsSuccessStatusCode);
        var now = DateTimeOffset.UtcNow;
        var ann = await RegisterAsync(client, new
        {
            displayName = "Ann", homeBranch = "LON-01", tags = new[] { "vip", "gold" }, rating = 5,
            attributes = new { shoeSize = 42 }, consents = new[] { new { channel = "email", granted = true } },
        });
        var bob = await RegisterAsync(client, new
        {
            displayName = "Bob", homeBranch = "PAR-02", tags = new[] { "gold" }, rating = 2,
            attributes = new { shoeSize = 38 }, consents = new[] { new { channel = "sms", granted = true } },
        });
        var cyd = await RegisterAsync(client, new
        {
            displayName = "Cyd", kind = "business", companyName = "Cyd Ltd", homeBranch = "LON-01",
            consents = new[] { new { channel = "email", granted = false } },
        });
        var dee = await RegisterAsync(client, new { displayName = "Dee", homeBranch = "LON-01", tags = new[] { "vip", "gold" }, rating = 5 });
        using (var archived = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{dee}/archive", new { reason = "moved away" }))
        {
            Assert.True(archived.IsSuccessStatusCode);
        }

        var otherTenant = Guid.NewGuid();
        using var stranger = fixture.Service.CreateTenantClient(otherTenant);
        using (var otherDefinition = await stranger.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/shoeSize", new { type = "number", label = "Shoe size" }))
        {
            Assert.True(otherDefinition.IsSuccessStatusCode);
        }

        var eve = await RegisterAsync(stranger, new
        {
            displayName = "Eve", homeBranch = "LON-01", tags = new[] { "vip", "gold" }, rating = 5,
            attributes = new { shoeSize = 42 }, consents = new[] { new { channel = "email", granted = true } },
        });

        await SeedAsync(tenantId, ann, "Active", count: 5, spent: 500m, now.AddDays(-2), "555", "Top");
        await SeedAsync(tenantId, bob, "Lapsed", count: 1, spent: 20m, now.AddDays(-200), "111", "Low");
        await SeedAsync(tenantId, dee, "Active", count: 5, spent: 500m, now.AddDays(-2), "555", "Top");
        await SeedAsync(otherTenant, eve, "Active", count: 5, spent: 500m, now.AddDays(-2), "555", "Top");
        await fixture.Database.ExecuteAsync("UPDATE customers SET registered_at = @at WHERE id = @id", ("at", now.AddDays(-100).UtcDateTime), ("id", cyd));
        return (tenantId, new Dictionary<Guid, string> { [ann] = "Ann", [bob] = "Bob", [cyd] = "Cyd", [dee] = "Dee", [eve] = "Eve" });
    }

    private Task SeedAsync(Guid tenantId, Guid customerId, string status, int count, decimal spent, DateTimeOffset lastPurchaseAt, string cell, string tier) =>
        fixture.Database.ExecuteAsync(
            """
            UPDATE customers SET status = @status WHERE id = @customer;
            INSERT INTO customer_metrics (tenant_id, customer_id, purchase_count, total_spent, currency, first_purchase_at, last_purchase_at,
                                          recency_score, frequency_score, monetary_score, rfm_cell, value_tier, scored_at, updated_at)
            VALUES (@tenant, @customer, @count, @spent, 'EUR', @last, @last,
                    @r, @f, @m, @cell, @tier, now(), now())
            """,
            ("tenant", tenantId), ("customer", customerId), ("status", status), ("count", count), ("spent", spent), ("last", lastPurchaseAt.UtcDateTime),
            ("r", (short)(cell[0] - '0')), ("f", (short)(cell[1] - '0')), ("m", (short)(cell[2] - '0')), ("cell", cell), ("tier", tier));

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering failed with {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
