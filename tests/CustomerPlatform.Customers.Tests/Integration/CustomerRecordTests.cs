using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomerRecordTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RegisterCustomer_BusinessWithEveryField_StoresThemNormalisedWithCompleteness()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await DefineAsync(client, "accountManager", "text");
        await DefineAsync(client, "seats", "number");

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new
        {
            kind = "business",
            companyName = " Acme Ltd ",
            contactPerson = "Wile E.",
            emails = new[] { "Orders@Acme.example", "orders@acme.example", "billing@acme.example" },
            phones = new[] { "+1 (415) 555-0100" },
            address = new { line1 = "1 Road", city = "Springfield", postalCode = " 12345 ", country = "us" },
            preferredChannel = "email",
            preferredLanguage = "EN-us",
            homeBranch = "central",
            accessibilityNotes = "Step-free access",
            rating = 4,
            ratingReason = "Pays on time",
            tags = new[] { " Wholesale ", "wholesale", "VIP" },
            attributes = new Dictionary<string, object> { ["accountManager"] = "Jo", ["seats"] = 12 },
            source = "referral",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("business", body.GetProperty("kind").GetString());
        Assert.Equal("Acme Ltd", body.GetProperty("displayName").GetString());
        Assert.Equal(["orders@acme.example", "billing@acme.example"], Strings(body.GetProperty("emails")));
        Assert.Equal("orders@acme.example", body.GetProperty("email").GetString());
        Assert.Equal("+14155550100", body.GetProperty("phone").GetString());
        Assert.Equal("US", body.GetProperty("address").GetProperty("country").GetString());
        Assert.Equal("12345", body.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("en-US", body.GetProperty("preferredLanguage").GetString());
        Assert.Equal(["wholesale", "vip"], Strings(body.GetProperty("tags")));
        Assert.Equal(12, body.GetProperty("attributes").GetProperty("seats").GetInt32());
        Assert.Equal("prospect", body.GetProperty("status").GetString());
        Assert.Equal("referral", body.GetProperty("source").GetString());
        // Company, e-mail, phone, address, channel, language, branch and contact person: everything counted.
        Assert.Equal(100, body.GetProperty("completeness").GetInt32());
    }

    [Fact]
    public async Task RegisterCustomer_IndividualWithOnlyGivenAndFamilyName_BuildsTheDisplayName()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { givenName = "Grace", familyName = "Hopper" });

        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Grace Hopper", body.GetProperty("displayName").GetString());
        Assert.Equal("individual", body.GetProperty("kind").GetString());
        Assert.Equal(15, body.GetProperty("completeness").GetInt32());
    }

    [Fact]
    public async Task RegisterCustomer_WithBadDetails_Returns400NamingEachFieldAndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await DefineAsync(client, "vip", "boolean");

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new
        {
            kind = "business",
            address = new { line1 = "", city = "X", country = "Britain" },
            preferredLanguage = "english please",
            ratingReason = "no rating",
            tags = new[] { "" },
            attributes = new Dictionary<string, object> { ["vip"] = "yes", ["unknown"] = 1 },
            consents = new object[] { new { channel = "email", granted = true }, new { channel = "email", granted = false } },
        });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[]
                 {
                     "companyName", "address.line1", "address.country", "preferredLanguage", "ratingReason", "tags[0]",
                     "attributes.vip", "attributes.unknown", "consents[1].channel",
                 })
        {
            ProblemResponse.ErrorsFor(problem, field);
        }

        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("customers", tenantId));
    }

    [Fact]
    public async Task UpdateCustomer_WithCurrentETag_Returns200NewETagAndPublishesWhatChanged()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-updated.v1");
        var (id, etag) = await RegisterAsync(client, new { displayName = "Ann", emails = new[] { "ann@example.com" } });

        using var response = await PutAsync(client, id, etag, new { displayName = "Ann Smith", emails = new[] { "ann@example.com" }, tags = new[] { "vip" }, homeBranch = "north" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag?.Tag);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("Ann Smith", body.GetProperty("displayName").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("customerId") == id, "CustomerUpdated should be published");
        Assert.Equal(["displayName", "homeBranch", "tags"], Strings(observed.Message.GetProperty("changed")));
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal("north", observed.GetString("homeBranch"));
        Assert.False(observed.Message.TryGetProperty("emails", out _), "contact details stay out of events");
    }

    [Fact]
    public async Task UpdateCustomer_WithSameDetails_KeepsTheETagAndPublishesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var details = new { displayName = "Bo", tags = new[] { "a" } };
        var (id, etag) = await RegisterAsync(client, details);

        using var response = await PutAsync(client, id, etag, details);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%customer-updated.v1' AND payload->>'customerId' = @id",
            ("id", id.ToString())));
    }

    [Fact]
    public async Task UpdateCustomer_WithoutIfMatch_Returns428AndWithStaleETag_Returns412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await RegisterAsync(client, new { displayName = "Cy" });
        using var first = await PutAsync(client, id, etag, new { displayName = "Cy One" });

        using var missing = await PutAsync(client, id, null, new { displayName = "Cy Two" });
        using var stale = await PutAsync(client, id, etag, new { displayName = "Cy Three" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        using var read = await client.GetAsync($"{CustomersApi.CustomersPath}/{id}");
        Assert.Equal("Cy One", (await CustomersApi.ReadJsonAsync(read)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task UpdateCustomer_OfAnotherTenant_Returns404AndChangesNothing()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, etag) = await RegisterAsync(owner, new { displayName = "Di" });

        using var response = await PutAsync(stranger, id, etag, new { displayName = "Hijacked" });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        using var read = await owner.GetAsync($"{CustomersApi.CustomersPath}/{id}");
        Assert.Equal("Di", (await CustomersApi.ReadJsonAsync(read)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task UpdateCustomer_BranchKeyMovingCustomerToAnotherBranch_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var branchClient = fixture.Service.CreateClient();
        var (id, etag) = await RegisterAsync(owner, new { displayName = "Ed", homeBranch = "south" });

        using var request = new HttpRequestMessage(HttpMethod.Put, $"{CustomersApi.CustomersPath}/{id}") { Content = JsonContent.Create(new { displayName = "Ed", homeBranch = "north" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"));
        using var response = await branchClient.SendAsync(request);

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ArchiveCustomer_PublishesOnceRefusesChangesAndRestoreBringsItBack()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-archived.v1");
        var (id, _) = await RegisterAsync(client, new { displayName = "Flo" });

        using var archived = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/archive", new { reason = "Moved away" });
        using var again = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/archive", new { reason = "Again" });
        using var update = await PutAsync(client, id, archived.Headers.ETag!.Tag, new { displayName = "Flo B" });
        using var consent = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/consent", new { decisions = new[] { new { channel = "sms", granted = true } } });
        using var restored = await client.PostAsync($"{CustomersApi.CustomersPath}/{id}/restore", null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True((await CustomersApi.ReadJsonAsync(archived)).TryGetProperty("archivedAt", out _));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ProblemResponse.ReadAsync(update, HttpStatusCode.Conflict, "customer-archived");
        await ProblemResponse.ReadAsync(consent, HttpStatusCode.Conflict, "customer-archived");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.False((await CustomersApi.ReadJsonAsync(restored)).TryGetProperty("archivedAt", out _));
        var observed = await probe.WaitForAsync(message => message.GetGuid("customerId") == id, "CustomerArchived should be published");
        Assert.Equal("Moved away", observed.GetString("reason"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%customer-archived.v1' AND payload->>'customerId' = @id",
            ("id", id.ToString())));
    }

    [Fact]
    public async Task Consent_IsAHistoryWhoseLatestDecisionPerChannelIsCurrent()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-consent-changed.v1");
        var (id, _) = await RegisterAsync(client, new
        {
            displayName = "Gil",
            homeBranch = "central",
            consents = new object[] { new { channel = "email", granted = true }, new { channel = "sms", granted = false } },
        });

        using var withdrawn = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/consent", new
        {
            decisions = new[] { new { channel = "email", granted = false, source = "phone call", recordedBy = "Kim" } },
        });
        using var lateOldPaperForm = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/consent", new
        {
            decisions = new[] { new { channel = "email", granted = true, source = "paper form", occurredAt = DateTimeOffset.UtcNow.AddDays(-30) } },
        });
        using var history = await client.GetAsync($"{CustomersApi.CustomersPath}/{id}/consent");

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var current = (await CustomersApi.ReadJsonAsync(lateOldPaperForm)).GetProperty("consent");
        Assert.False(current.GetProperty("email").GetProperty("granted").GetBoolean());
        Assert.False(current.GetProperty("sms").GetProperty("granted").GetBoolean());
        var items = (await CustomersApi.ReadJsonAsync(history)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("phone call", items[0].GetProperty("source").GetString());
        Assert.Equal("Kim", items[0].GetProperty("recordedBy").GetString());
        Assert.Equal("paper form", items[^1].GetProperty("source").GetString());
        Assert.Contains(items, item => item.GetProperty("source").GetString() == "central");
        var observed = await probe.WaitForAsync(message => message.GetGuid("customerId") == id, "CustomerConsentChanged should be published");
        Assert.Equal("email", observed.GetString("channel"));
        Assert.False(observed.Message.GetProperty("granted").GetBoolean());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%customer-consent-changed.v1' AND payload->>'customerId' = @id",
            ("id", id.ToString())));
    }

    [Fact]
    public async Task Consent_WithoutDecisionsOrInTheFuture_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var (id, _) = await RegisterAsync(client, new { displayName = "Hal" });

        using var empty = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/consent", new { decisions = Array.Empty<object>() });
        using var future = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{id}/consent", new
        {
            decisions = new[] { new { channel = "post", granted = true, occurredAt = DateTimeOffset.UtcNow.AddDays(1) } },
        });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(empty, HttpStatusCode.BadRequest, "validation"), "decisions");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(future, HttpStatusCode.BadRequest, "validation"), "decisions[0].occurredAt");
    }

    [Fact]
    public async Task DefineAttribute_CreatesThenRelabelsButNeverChangesType()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var created = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/shoeSize", new { type = "number", label = "Shoe size" });
        using var relabelled = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/shoeSize", new { type = "number", label = "Shoe size (EU)" });
        using var retyped = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/shoeSize", new { type = "text", label = "Shoe size" });
        using var badKey = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/9lives", new { type = "text", label = "x" });
        using var list = await client.GetAsync($"{CustomersApi.CustomersPath}/attributes");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, relabelled.StatusCode);
        await ProblemResponse.ReadAsync(retyped, HttpStatusCode.Conflict, "attribute-type-fixed");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(badKey, HttpStatusCode.BadRequest, "validation"), "key");
        var item = Assert.Single((await CustomersApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("Shoe size (EU)", item.GetProperty("label").GetString());
        Assert.Equal("number", item.GetProperty("type").GetString());
    }

    [Fact]
    public async Task VerifyCustomer_MovesVerifiedAtForward()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var registered = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName = "Ivy" });
        var before = (await CustomersApi.ReadJsonAsync(registered)).GetProperty("verifiedAt").GetDateTimeOffset();
        var id = (await CustomersApi.ReadJsonAsync(registered)).GetProperty("id").GetGuid();

        using var verified = await client.PostAsync($"{CustomersApi.CustomersPath}/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await CustomersApi.ReadJsonAsync(verified)).GetProperty("verifiedAt").GetDateTimeOffset() > before);
    }

    private static async Task DefineAsync(HttpClient client, string key, string type)
    {
        using var response = await client.PutAsJsonAsync($"{CustomersApi.CustomersPath}/attributes/{key}", new { type, label = key });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(Guid Id, string ETag)> RegisterAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{CustomersApi.CustomersPath}/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString());
}
