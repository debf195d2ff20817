using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerPlatform.Customers.Features.Import;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CustomerExportTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    private const string ExportPath = "/api/v1/customers/export.csv";

    [Fact]
    public async Task Export_WritesAHeaderAndOneEscapedFormulaSafeLinePerCustomer()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var plain = await RegisterAsync(client, new { givenName = "Ann", familyName = "Lee", emails = new[] { "ann@example.com", "ann@work.example" }, tags = new[] { "vip", "wine" }, externalId = "A-1" });
        var tricky = await RegisterAsync(client, new { displayName = "=HYPERLINK(\"evil\")", companyName = "Smith, \"Jones\"\nand Co", phones = new[] { "+44 20 7946 0303" } });

        using var response = await client.GetAsync(ExportPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var records = CsvRecords.Parse(await response.Content.ReadAsStringAsync(), out var problem);
        Assert.Null(problem);
        var header = records[0];
        Assert.Equal(["id", "externalId", "kind", "displayName"], header[..4]);
        Assert.Equal(3, records.Count);
        var ann = records.Single(record => record[0] == plain.ToString());
        Assert.Equal("A-1", ann[Array.IndexOf(header, "externalId")]);
        Assert.Equal("Ann Lee", ann[Array.IndexOf(header, "displayName")]);
        Assert.Equal("ann@example.com;ann@work.example", ann[Array.IndexOf(header, "email")]);
        Assert.Equal("vip;wine", ann[Array.IndexOf(header, "tags")]);
        Assert.Equal("prospect", ann[Array.IndexOf(header, "status")]);
        var other = records.Single(record => record[0] == tricky.ToString());
        Assert.Equal("'=HYPERLINK(\"evil\")", other[Array.IndexOf(header, "displayName")]);
        Assert.Equal("Smith, \"Jones\"\nand Co", other[Array.IndexOf(header, "companyName")]);
        Assert.Equal("'+442079460303", other[Array.IndexOf(header, "phone")]);
        Assert.All(records, record => Assert.Equal(header.Length, record.Length));
    }

    [Fact]
    public async Task Export_AppliesTheSearchFilters_AndRejectsBadOnes()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var otherTenant = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var vip = await RegisterAsync(client, new { displayName = "Vip North", tags = new[] { "vip" }, homeBranch = "north" });
        await RegisterAsync(client, new { displayName = "Vip South", tags = new[] { "vip" }, homeBranch = "south" });
        await RegisterAsync(client, new { displayName = "Plain North", homeBranch = "north" });
        await RegisterAsync(otherTenant, new { displayName = "Other Vip North", tags = new[] { "vip" }, homeBranch = "north" });

        using var filtered = await client.GetAsync($"{ExportPath}?tag=vip&branch=north");
        using var invalid = await client.GetAsync($"{ExportPath}?minRating=9");

        var records = CsvRecords.Parse(await filtered.Content.ReadAsStringAsync(), out _);
        Assert.Equal(vip.ToString(), Assert.Single(records.Skip(1))[0]);
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(invalid, HttpStatusCode.BadRequest, "validation"), "minRating");
    }

    [Fact]
    public async Task ExportSegment_WritesTheMembersOnly_AndAnotherTenantsSegmentIs404()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var otherTenant = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var member = await RegisterAsync(client, new { displayName = "Member", tags = new[] { "vip" } });
        await RegisterAsync(client, new { displayName = "Not A Member" });
        var segment = await SegmentsApi.CreateAsync(client, "VIPs", JsonNode.Parse("""[{"field": "tags", "op": "hasAny", "values": ["vip"]}]""")!);

        using var response = await client.GetAsync($"{SegmentsApi.Path}/{segment}/export.csv");
        using var foreign = await otherTenant.GetAsync($"{SegmentsApi.Path}/{segment}/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = CsvRecords.Parse(await response.Content.ReadAsStringAsync(), out _);
        Assert.Equal(member.ToString(), Assert.Single(records.Skip(1))[0]);
        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Export_ReimportedAsAnUpsertByExternalId_ChangesNothing()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await RegisterAsync(client, new { displayName = "Round Trip", phones = new[] { "+44 20 7946 0404" }, externalId = "R-1", emails = new[] { "rt@example.com" } });
        using var export = await client.GetAsync(ExportPath);

        var job = await ImportApi.RunAsync(client, await export.Content.ReadAsStringAsync(), "mode=upsert&matchOn=externalId");

        Assert.Equal((0, 0, 1, 0), (job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32(),
            job.GetProperty("skipped").GetInt32(), job.GetProperty("failed").GetInt32()));
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(CustomersApi.CustomersPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering failed with {(int)response.StatusCode}: {text}");
        return (await CustomersApi.ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }
}
