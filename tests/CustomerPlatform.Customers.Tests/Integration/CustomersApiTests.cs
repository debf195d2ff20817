using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomersApiTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task RegisterCustomer_WithValidRequest_Returns201WithLocationETagAndNormalisedBody()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var request = new
        {
            displayName = "  Ann Smith ",
            emails = new[] { "  Ann.Smith@Example.COM ", "ann@work.example.com" },
            phones = new[] { "+44 20 7946 0958" },
            homeBranch = " LON-01 ",
        };

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CustomersApi.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/customers/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag.Tag);
        Assert.Equal("Ann Smith", body.GetProperty("displayName").GetString());
        Assert.Equal("ann.smith@example.com", body.GetProperty("email").GetString());
        Assert.Equal("+442079460958", body.GetProperty("phone").GetString());
        Assert.Equal(["ann.smith@example.com", "ann@work.example.com"], body.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("LON-01", body.GetProperty("homeBranch").GetString());
        Assert.True(body.TryGetProperty("registeredAt", out _));
    }

    [Fact]
    public async Task GetCustomer_AfterRegistering_Returns200WithSameETagAndFields()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var created = await client.PostAsJsonAsync(
            CustomersApi.CustomersPath,
            new { displayName = "Bob Jones", emails = new[] { "BOB@example.com" }, phones = new[] { "0044 20 7946 0000" } });
        var createdBody = await CustomersApi.ReadJsonAsync(created);

        using var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.Headers.ETag, response.Headers.ETag);
        var body = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal(createdBody.GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        Assert.Equal("Bob Jones", body.GetProperty("displayName").GetString());
        Assert.Equal("bob@example.com", body.GetProperty("email").GetString());
        Assert.Equal("+442079460000", body.GetProperty("phone").GetString());
        Assert.False(body.TryGetProperty("homeBranch", out _));
        Assert.Equal(ToMicroseconds(createdBody.GetProperty("registeredAt").GetDateTimeOffset()), body.GetProperty("registeredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task RegisterCustomer_WithValidRequest_PublishesCustomerRegisteredWithOutboxIdAsMessageId()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-registered.v1");

        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, new { displayName = "Cleo", homeBranch = "PAR-02" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customerId = (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(
            message => message.GetGuid("customerId") == customerId,
            $"CustomerRegistered for {customerId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal("Cleo", observed.GetString("displayName"));
        Assert.Equal("PAR-02", observed.GetString("homeBranch"));
        Assert.True(observed.Message.TryGetProperty("occurredAt", out _));
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("outbox_messages", tenantId));
        var outboxId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM outbox_messages WHERE tenant_id = @tenant", ("tenant", tenantId));
        Assert.Equal(outboxId, observed.MessageId);
    }

    [Fact]
    public async Task RegisterCustomer_WithInvalidEmailAndPhone_Returns400WithAnErrorPerField()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);

        using var response = await client.PostAsJsonAsync(
            CustomersApi.CustomersPath,
            new { displayName = "Ann", emails = new[] { "ann@localhost" }, phones = new[] { "020 7946 0958" } });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "emails[0]");
        ProblemResponse.ErrorsFor(problem, "phones[0]");
        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("customers", tenantId));
    }

    [Theory]
    [InlineData("""{ "emails": ["ann@example.com"] }""")]
    [InlineData("""{ "displayName": "", "emails": ["ann@example.com"] }""")]
    [InlineData("""{ "displayName": "   " }""")]
    public async Task RegisterCustomer_WithoutDisplayName_Returns400WithDisplayNameError(string json)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(CustomersApi.CustomersPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "displayName");
    }

    [Fact]
    public async Task RegisterCustomer_WithEveryFieldInvalid_Returns400NamingEveryField()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(
            CustomersApi.CustomersPath,
            new { displayName = "", emails = new[] { "ann@example.com", "not-an-email" }, phones = new[] { "call me" }, rating = 6, dateOfBirth = "2999-01-01" });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "displayName");
        ProblemResponse.ErrorsFor(problem, "emails[1]");
        ProblemResponse.ErrorsFor(problem, "phones[0]");
        ProblemResponse.ErrorsFor(problem, "rating");
        ProblemResponse.ErrorsFor(problem, "dateOfBirth");
    }

    [Theory]
    [InlineData("""{ "displayName": 42 }""", "$.displayName")]
    [InlineData("""{ "displayName": "Ann", "homeBranch": ["LON-01"] }""", "$.homeBranch")]
    [InlineData("""{ "displayName": "Ann", "emails": }""", "$.emails")]
    [InlineData("""{ "displayName": "Ann", "email": "ann@example.com" }""", "$.email")]
    public async Task RegisterCustomer_WithMalformedJson_Returns400KeyedByJsonPath(string json, string path)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(CustomersApi.CustomersPath, content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        ProblemResponse.ErrorsFor(problem, path);
    }

    [Fact]
    public async Task GetCustomer_WithUnknownId_Returns404Problem()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var id = Guid.NewGuid();

        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{id}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task GetCustomer_OfAnotherTenant_Returns404ShapedLikeAnUnknownId()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        var unknownId = Guid.NewGuid();

        using var foreign = await stranger.GetAsync($"{CustomersApi.CustomersPath}/{customerId}");
        using var unknown = await stranger.GetAsync($"{CustomersApi.CustomersPath}/{unknownId}");

        var foreignProblem = await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        var unknownProblem = await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(Shape(unknownProblem, unknownId), Shape(foreignProblem, customerId));
        Assert.Null(foreign.Headers.ETag);
        using var ownRead = await owner.GetAsync($"{CustomersApi.CustomersPath}/{customerId}");
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
    }

    // PostgreSQL keeps microseconds; the create response carries the clock's 100 ns ticks (reported, not yet decided).
    private static DateTimeOffset ToMicroseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    // Every member but the trace id, with the id in question replaced, so the two bodies can be compared whole.
    private static string Shape(JsonElement problem, Guid id) =>
        string.Join('\n', problem.EnumerateObject()
            .Where(property => property.Name != "traceId")
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .Select(property => $"{property.Name}={property.Value.GetRawText().Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase)}"));
}
