using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomerImportTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task DryRun_WithValidInvalidAndDuplicateRows_ReportsEachRowAndWritesNothing()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var existing = await RegisterAsync(client, new { displayName = "Known", emails = new[] { "known@example.com" } });
        const string csv = """
            First Name,Last Name,E-mail,Tier
            Ada,Lovelace,ada@example.com,gold
            Bad,Mail,not-an-email,
            Ada,Again,ADA@example.com,
            Kim,Known,known@example.com,
            ,,,
            """;

        using var response = await ImportApi.PostAsync(client, csv, "dryRun=true&map=First%20Name:givenName&map=Last%20Name:familyName");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await CustomersApi.ReadJsonAsync(response);
        var rows = report.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(5, report.GetProperty("total").GetInt32());
        Assert.Equal(("create", 1), (rows[0].GetProperty("action").GetString(), rows[0].GetProperty("row").GetInt32()));
        Assert.Equal("error", rows[1].GetProperty("action").GetString());
        Assert.True(rows[1].GetProperty("errors").TryGetProperty("emails[0]", out _));
        Assert.Equal("error", rows[2].GetProperty("action").GetString());
        Assert.Contains("row 1", rows[2].GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal("skip", rows[3].GetProperty("action").GetString());
        Assert.Equal(existing, rows[3].GetProperty("customerId").GetGuid());
        Assert.True(rows[4].GetProperty("errors").TryGetProperty("displayName", out _));
        Assert.Equal((1, 0, 1, 3), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("skipped").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.Empty(await ImportApi.SearchAsync(client, "email=ada%40example.com"));
    }

    [Fact]
    public async Task Import_Create_CreatesCustomersPublishesOneEventEachAndCompletesWithCounts()
    {
        var tenant = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenant);
        await using var registered = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customer-registered.v1");
        await using var imported = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customers-imported.v1");
        const string csv = """
            givenName,familyName,email,phone,tags,homeBranch,externalId,address.line1,address.city,address.country
            Grace,Hopper,grace@example.com,+44 20 7946 0101,navy;vip,north,EXT-1,1 Main St,London,GB
            Alan,Turing,alan@example.com;alan@work.example,,,north,EXT-2,,,
            Kurt,Goedel,kurt@example.com,,,,EXT-3,,,
            """;

        var job = await ImportApi.RunAsync(client, csv, "mode=create");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((3, 3, 3, 100), (job.GetProperty("total").GetInt32(), job.GetProperty("created").GetInt32(),
            job.GetProperty("processed").GetInt32(), job.GetProperty("progress").GetInt32()));
        var grace = Assert.Single(await ImportApi.SearchAsync(client, "email=grace%40example.com"));
        var details = await ImportApi.GetCustomerAsync(client, grace.GetProperty("id").GetGuid());
        Assert.Equal("Grace Hopper", details.GetProperty("displayName").GetString());
        Assert.Equal("+442079460101", details.GetProperty("phone").GetString());
        Assert.Equal("EXT-1", details.GetProperty("externalId").GetString());
        Assert.Equal("import", details.GetProperty("source").GetString());
        Assert.Equal("London", details.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal(["navy", "vip"], details.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString() ?? "").ToArray());
        Assert.Equal("alan@example.com", Assert.Single(await ImportApi.SearchAsync(client, "email=alan%40work.example")).GetProperty("email").GetString());
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type = 'urn:message:customers.customer-registered.v1'", ("tenant", tenant)));
        var graceId = grace.GetProperty("id").GetGuid();
        var observed = await registered.WaitForAsync(message => message.GetGuid("customerId") == graceId, "CustomerRegistered for an imported customer");
        Assert.Equal("Grace Hopper", observed.GetString("displayName"));
        var done = await imported.WaitForAsync(message => message.GetGuid("importId") == job.GetProperty("id").GetGuid(), "CustomersImported at the end");
        Assert.Equal(3, done.Message.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Import_UpdateByEmail_ChangesMappedFieldsKeepsOthersAndPublishesCustomerUpdated()
    {
        var tenant = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenant);
        var id = await RegisterAsync(client, new { givenName = "Old", familyName = "Name", emails = new[] { "mia@example.com" }, phones = new[] { "+44 20 7946 0202" }, homeBranch = "north" });
        var unchanged = await RegisterAsync(client, new { givenName = "Same", familyName = "Person", emails = new[] { "same@example.com" } });
        const string csv = """
            email,givenName,familyName,tags
            MIA@example.com,Mia,Wong,vip
            same@example.com,Same,Person,
            """;

        var job = await ImportApi.RunAsync(client, csv, "mode=update&matchOn=email");

        Assert.Equal((1, 1, 0), (job.GetProperty("updated").GetInt32(), job.GetProperty("skipped").GetInt32(), job.GetProperty("failed").GetInt32()));
        var customer = await ImportApi.GetCustomerAsync(client, id);
        Assert.Equal("Mia Wong", customer.GetProperty("displayName").GetString());
        Assert.Equal("+442079460202", customer.GetProperty("phone").GetString());
        Assert.Equal("north", customer.GetProperty("homeBranch").GetString());
        Assert.Equal("vip", customer.GetProperty("tags")[0].GetString());
        Assert.Equal("Same Person", (await ImportApi.GetCustomerAsync(client, unchanged)).GetProperty("displayName").GetString());
        var payload = await fixture.Database.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE tenant_id = @tenant AND message_type = 'urn:message:customers.customer-updated.v1'", ("tenant", tenant));
        using var updated = JsonDocument.Parse(payload!);
        Assert.Equal(id, updated.RootElement.GetProperty("customerId").GetGuid());
        Assert.Contains("displayName", updated.RootElement.GetProperty("changed").EnumerateArray().Select(field => field.GetString()));
    }

    [Fact]
    public async Task Import_UpdateOnly_SkipsRowsMatchingNoCustomer_WhileUpdateReportsThemAsErrors()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await RegisterAsync(client, new { displayName = "Known", emails = new[] { "k@example.com" } });
        const string csv = "email,displayName\nk@example.com,Known Again\nnobody@example.com,Nobody\n";

        var updateOnly = await ImportApi.RunAsync(client, csv, "mode=updateOnly");
        var update = await ImportApi.RunAsync(client, "email,displayName\nnobody@example.com,Nobody\n", "mode=update");

        Assert.Equal((1, 1, 0), (updateOnly.GetProperty("updated").GetInt32(), updateOnly.GetProperty("skipped").GetInt32(), updateOnly.GetProperty("failed").GetInt32()));
        Assert.Equal(1, update.GetProperty("failed").GetInt32());
        Assert.Empty(await ImportApi.SearchAsync(client, "email=nobody%40example.com"));
    }

    [Fact]
    public async Task Import_UpsertByExternalId_UpdatesKnownCustomersAndCreatesTheRest()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var known = await RegisterAsync(client, new { displayName = "Till Customer", externalId = "T-100" });
        const string csv = "Customer No,displayName,preferredChannel,dateOfBirth,kind,companyName\nT-100,Till Customer Renamed,sms,1980-02-03,,\nT-200,New From Till,email,,business,Acme Ltd\n";

        var job = await ImportApi.RunAsync(client, csv, "mode=upsert&matchOn=externalId&map=Customer%20No:externalId");

        Assert.Equal((1, 1), (job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32()));
        var customer = await ImportApi.GetCustomerAsync(client, known);
        Assert.Equal("Till Customer Renamed", customer.GetProperty("displayName").GetString());
        Assert.Equal("sms", customer.GetProperty("preferredChannel").GetString());
        Assert.Equal("1980-02-03", customer.GetProperty("dateOfBirth").GetString());
        var created = Assert.Single(await ImportApi.SearchAsync(client, "kind=business"));
        Assert.Equal("New From Till", created.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task ErrorsCsv_ListsEachRefusedRowsFieldErrorsWithItsOriginalCells()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        const string csv = "email,displayName,rating note\nok@example.com,Fine,x\n\"bad, mail\",=cmd(),\"has \"\"quotes\"\"\"\n";
        var job = await ImportApi.RunAsync(client, csv, "mode=create");

        using var response = await client.GetAsync($"{ImportApi.ImportsPath}/{job.GetProperty("id").GetGuid()}/errors.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        Assert.Equal("row,field,message,email,displayName,rating note", lines[0]);
        Assert.Equal($"2,emails[0],{Domain.CustomerDetails.InvalidEmail},\"bad, mail\",'=cmd(),\"has \"\"quotes\"\"\"", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal((1, 1), (job.GetProperty("created").GetInt32(), job.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task Revert_RemovesCreatedCustomersAndRestoresUpdatedOnes_ThenRefusesASecondRevert()
    {
        var tenant = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenant);
        var updated = await RegisterAsync(client, new { displayName = "Before", emails = new[] { "before@example.com" }, tags = new[] { "keep" } });
        var job = await ImportApi.RunAsync(client, "email,displayName,tags\nbefore@example.com,After,changed\nfresh@example.com,Fresh,\nhistory@example.com,Has History,\n", "mode=upsert");
        var withHistory = Assert.Single(await ImportApi.SearchAsync(client, "email=history%40example.com")).GetProperty("id").GetGuid();
        using var purchase = await client.PostAsJsonAsync($"{CustomersApi.CustomersPath}/{withHistory}/purchases", new { branch = "north", amount = 5m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        var revertPath = $"{ImportApi.ImportsPath}/{job.GetProperty("id").GetGuid()}/revert";

        using var response = await client.PostAsync(revertPath, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reverted", (await CustomersApi.ReadJsonAsync(response)).GetProperty("status").GetString());
        var restored = await ImportApi.GetCustomerAsync(client, updated);
        Assert.Equal("Before", restored.GetProperty("displayName").GetString());
        Assert.Equal("keep", Assert.Single(restored.GetProperty("tags").EnumerateArray()).GetString());
        Assert.Empty(await ImportApi.SearchAsync(client, "email=fresh%40example.com&includeArchived=true"));
        var archived = await ImportApi.GetCustomerAsync(client, withHistory);
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);
        using var again = await client.PostAsync(revertPath, null);
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "import-not-revertible");
    }

    [Fact]
    public async Task Import_NeverMatchesOrUpdatesAnotherTenantsCustomers_AndHidesItsJobFromThem()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var theirs = await RegisterAsync(other, new { displayName = "Not Yours", emails = new[] { "shared@example.com" }, externalId = "X-1" });

        var job = await ImportApi.RunAsync(owner, "email,displayName,externalId\nshared@example.com,Hijacked,X-1\n", "mode=upsert");

        Assert.Equal((1, 0), (job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32()));
        Assert.Equal("Not Yours", (await ImportApi.GetCustomerAsync(other, theirs)).GetProperty("displayName").GetString());
        var jobId = job.GetProperty("id").GetGuid();
        using var foreign = await other.GetAsync($"{ImportApi.ImportsPath}/{jobId}");
        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        using var foreignErrors = await other.GetAsync($"{ImportApi.ImportsPath}/{jobId}/errors.csv");
        await ProblemResponse.ReadAsync(foreignErrors, HttpStatusCode.NotFound, "not-found");
        using var foreignRevert = await other.PostAsync($"{ImportApi.ImportsPath}/{jobId}/revert", null);
        await ProblemResponse.ReadAsync(foreignRevert, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task StartImport_WithBadOptionsOrBody_ReturnsProblems()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var json = await client.PostAsJsonAsync(ImportApi.ImportsPath, new { email = "a@example.com" });
        using var badMode = await ImportApi.PostAsync(client, "email\na@example.com\n", "mode=merge&dryRun=perhaps");
        using var badMap = await ImportApi.PostAsync(client, "Mail\na@example.com\n", "map=Mail:emial");
        using var unmatched = await ImportApi.PostAsync(client, "displayName\nAnn\n", "matchOn=phone");
        using var unclosed = await ImportApi.PostAsync(client, "email\n\"a@example.com\n", "");

        await ProblemResponse.ReadAsync(json, HttpStatusCode.UnsupportedMediaType, "http-415");
        var modeProblem = await ProblemResponse.ReadAsync(badMode, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(modeProblem, "mode");
        ProblemResponse.ErrorsFor(modeProblem, "dryRun");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(badMap, HttpStatusCode.BadRequest, "validation"), "map");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unmatched, HttpStatusCode.BadRequest, "validation"), "matchOn");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unclosed, HttpStatusCode.BadRequest, "validation"), "file");
    }

    [Fact]
    public async Task StartImport_Returns202WithLocationAndAQueuedOrRunningJob()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await ImportApi.PostAsync(client, "email,displayName\nq@example.com,Queued\n", "fileName=people.csv");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal($"/api/v1/customers/imports/{job.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal("people.csv", job.GetProperty("fileName").GetString());
        Assert.Equal(1, job.GetProperty("total").GetInt32());
        var finished = await ImportApi.WaitAsync(client, response.Headers.Location!.ToString());
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, finished.GetProperty("startedAt").ValueKind);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering failed with {(int)response.StatusCode}: {text}");
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }
}
