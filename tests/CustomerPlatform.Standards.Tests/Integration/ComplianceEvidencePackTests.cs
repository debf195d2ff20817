using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ComplianceServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplianceEvidencePackTests(ComplianceServiceFixture fixture) : IClassFixture<ComplianceServiceFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task EvidencePack_ListsEveryLiveItemWithTheChecksMadeInThePeriod_AndWhichAreOverdueAtItsEnd()
    {
        var tenantId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var lapsed = await ItemIdAsync(tenantId, Item(title: "Lapsed", frequencyMonths: 1));
        await fixture.RecordCheckAsync(tenantId, lapsed, Check(now.AddDays(-40)));
        var checkedItem = await ItemIdAsync(tenantId, Item(title: "Checked", category: "privacy", frequencyMonths: 12));
        var check = await fixture.RecordCheckAsync(tenantId, checkedItem, Check(now.AddDays(-10), "partial", "Consent forms found."));
        var archived = await ItemIdAsync(tenantId, Item(title: "Archived", frequencyMonths: null, nextDueAt: now.AddDays(-1)));
        await ArchiveAsync(tenantId, archived);
        await ItemIdAsync(Guid.NewGuid(), Item(title: "Another business"));

        var pack = await GetJsonAsync(tenantId, $"?from={Today.AddDays(-30):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");

        Assert.Equal(Today.AddDays(-30), DateOnly.Parse(pack.GetProperty("from").GetString()!, CultureInfo.InvariantCulture));
        var items = pack.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("id").GetGuid());
        Assert.Equal([lapsed, checkedItem, archived], items.Keys);
        Assert.True(items[lapsed].GetProperty("overdueAtEnd").GetBoolean());
        Assert.Empty(items[lapsed].GetProperty("checks").EnumerateArray());
        Assert.False(items[checkedItem].GetProperty("overdueAtEnd").GetBoolean());
        var listed = Assert.Single(items[checkedItem].GetProperty("checks").EnumerateArray());
        Assert.Equal(check.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal("Consent forms found.", listed.GetProperty("description").GetString());
        Assert.False(items[archived].GetProperty("overdueAtEnd").GetBoolean());
        Assert.Equal(1, pack.GetProperty("checksMade").GetInt32());
        Assert.Equal(1, pack.GetProperty("overdueAtEnd").GetInt32());
    }

    [Fact]
    public async Task EvidencePack_ForAnEarlierPeriod_JudgesOverdueByTheChecksMadeBeforeItsEnd()
    {
        var tenantId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var item = await ItemIdAsync(tenantId, Item(frequencyMonths: 1));
        // As if the item had been tracked for a year: the pack only covers items that existed in its period.
        await fixture.Database.ExecuteAsync(
            "UPDATE compliance_items SET created_at = @at, first_due_at = @due WHERE id = @id",
            ("at", now.AddYears(-1)), ("due", now.AddYears(-1).AddMonths(1)), ("id", item));
        await fixture.RecordCheckAsync(tenantId, item, Check(now.AddDays(-100)));
        await fixture.RecordCheckAsync(tenantId, item, Check(now.AddDays(-5)));
        var lapsedPeriod = (Today.AddDays(-40), Today.AddDays(-20));
        var coveredPeriod = (Today.AddDays(-90), Today.AddDays(-80));

        var lapsed = await GetJsonAsync(tenantId, $"?from={lapsedPeriod.Item1:yyyy-MM-dd}&to={lapsedPeriod.Item2:yyyy-MM-dd}");
        var covered = await GetJsonAsync(tenantId, $"?from={coveredPeriod.Item1:yyyy-MM-dd}&to={coveredPeriod.Item2:yyyy-MM-dd}");
        var beforeAnyCheck = await GetJsonAsync(tenantId, $"?from={Today.AddDays(-200):yyyy-MM-dd}&to={Today.AddDays(-150):yyyy-MM-dd}");
        var current = await GetJsonAsync(tenantId, $"?month={Today:yyyy-MM}");

        Assert.True(lapsed.GetProperty("items")[0].GetProperty("overdueAtEnd").GetBoolean());
        Assert.False(covered.GetProperty("items")[0].GetProperty("overdueAtEnd").GetBoolean());
        Assert.True(beforeAnyCheck.GetProperty("items")[0].GetProperty("overdueAtEnd").GetBoolean());
        Assert.False(current.GetProperty("items")[0].GetProperty("overdueAtEnd").GetBoolean());
    }

    [Fact]
    public async Task EvidencePack_AsCsv_HasOneLinePerCheckAndPerUncheckedItem_WithClientTextQuotedAndNeutralised()
    {
        var tenantId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var unchecked_ = await ItemIdAsync(tenantId, Item(title: "Fire exits, signage", category: "healthAndSafety", frequencyMonths: 6, branches: ["north", "south"]));
        var checkedItem = await ItemIdAsync(tenantId, Item(title: "=HYPERLINK(\"http://evil\")", frequencyMonths: 12));
        await fixture.RecordCheckAsync(tenantId, checkedItem, Check(now.AddDays(-2), "fail", "Said \"no\", then\nyes", ["https://a.example/1", "https://a.example/2"]));
        await fixture.RecordCheckAsync(tenantId, checkedItem, Check(now.AddDays(-1), "pass", "Fixed."));
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var query = $"?from={Today.AddDays(-7):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

        using var response = await client.GetAsync($"{EvidencePath}{query}&format=csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(EvidencePath + query, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"compliance-evidence-{Today.AddDays(-7):yyyy-MM-dd}-{Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(csv, await byAccept.Content.ReadAsStringAsync());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "itemId,title,category,customCategory,sourceName,sourceSection,sourceUrl,owner,branches,dueAtEnd,overdueAtEnd,archivedAt,checkId,checkedAt,checkedBy,outcome,description,links",
            lines[0]);
        Assert.StartsWith($"{unchecked_},\"Fire exits, signage\",healthAndSafety,,Consumer Guarantees Act 1993,s 18,https://", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Store manager,north; south,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false,,,,,,,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{checkedItem},\"'=HYPERLINK(\"\"http://evil\"\")\",consumerGuarantees,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",fail,\"Said \"\"no\"\", then\nyes\",https://a.example/1 https://a.example/2", csv, StringComparison.Ordinal);
        Assert.EndsWith(",pass,Fixed.,https://docs.example.com/evidence/1", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "period")]
    [InlineData("?month=2026-11&quarter=2026-Q4", "period")]
    [InlineData("?month=2026-13", "month")]
    [InlineData("?quarter=2026-Q5", "quarter")]
    [InlineData("?from=2026-11-01", "to")]
    [InlineData("?from=2026-11-30&to=2026-11-01", "from")]
    [InlineData("?from=2010-01-01&to=2026-01-01", "to")]
    [InlineData("?month=2026-11&format=xml", "format")]
    public async Task EvidencePack_WithABadPeriodOrFormat_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(EvidencePath + query);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
    }

    [Fact]
    public async Task EvidencePack_ForAQuarter_CoversItsThreeMonths()
    {
        var pack = await GetJsonAsync(Guid.NewGuid(), "?quarter=2026-Q4");

        Assert.Equal("2026-10-01", pack.GetProperty("from").GetString());
        Assert.Equal("2026-12-31", pack.GetProperty("to").GetString());
        Assert.Empty(pack.GetProperty("items").EnumerateArray());
    }

    private async Task<Guid> ItemIdAsync(Guid tenantId, Dictionary<string, object?> item) =>
        (await fixture.CreateItemAsync(tenantId, item)).GetProperty("id").GetGuid();

    private async Task ArchiveAsync(Guid tenantId, Guid itemId)
    {
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{ItemsPath}/{itemId}/archive", UriKind.Relative));
        request.Headers.IfMatch.ParseAdd("*");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(Guid tenantId, string query)
    {
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var response = await client.GetAsync(EvidencePath + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }
}
