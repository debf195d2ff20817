using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>
/// The needs report over a fixed history: two interactions in January 2025, one in the week of 24 February, two in
/// the week of 3 March (on its first and last second) and three in the week of 10 March, another business's beside it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NeedsReportTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>, IAsyncLifetime
{
    private const string Weeks = "?period=week&from=2025-02-17&to=2025-03-16";
    private const string Formula = "=cmd, \"x\"";

    private readonly Guid _tenantId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await Seed(client, customerId, "2025-01-15T10:00:00Z", "north", "phone", "enquiry", "pricing");
        await Seed(client, customerId, "2025-01-31T23:59:59Z", "north", "phone", "enquiry", "pricing");
        await Seed(client, customerId, "2025-02-24T09:00:00Z", "north", "phone", "enquiry", "pricing");
        await Seed(client, customerId, "2025-03-03T00:00:00Z", "north", "phone", "enquiry", "Pricing", "delivery");
        await Seed(client, customerId, "2025-03-09T23:59:59Z", "south", "email", "complaint", "delivery");
        await Seed(client, customerId, "2025-03-10T08:00:00Z", "north", "inPerson", "enquiry", "pricing");
        await Seed(client, customerId, "2025-03-12T12:00:00Z", "north", "phone", "informationRequest", "pricing", Formula);
        await Seed(client, customerId, "2025-03-16T23:00:00Z", "south", "web", "enquiry");

        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var strangersCustomer = await CustomersApi.RegisterAsync(stranger);
        foreach (var day in new[] { "2025-02-25", "2025-03-04", "2025-03-11", "2025-03-11" })
        {
            await Seed(stranger, strangersCustomer, $"{day}T10:00:00Z", "north", "social", "enquiry", "pricing", "parking");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NeedsReport_ByWeek_CountsEachDimensionAgainstThePreviousWeek()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var response = await client.GetAsync(InteractionsApi.NeedsReportPath + Weeks);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("week", report.GetProperty("period").GetString());
        Assert.Equal("2025-02-17", report.GetProperty("from").GetString());
        Assert.Equal("2025-03-16", report.GetProperty("to").GetString());
        var periods = report.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2025-02-17", "2025-02-24", "2025-03-03", "2025-03-10"], periods.Select(period => period.GetProperty("start").GetString()));
        Assert.Equal("2025-03-09", periods[2].GetProperty("end").GetString());
        AssertCount(periods[0].GetProperty("total"), 0, 0, 0, null);
        Assert.Empty(periods[0].GetProperty("byTopic").EnumerateArray());
        AssertCount(periods[1].GetProperty("total"), 1, 0, 1, null);

        var first = periods[2];
        AssertCount(first.GetProperty("total"), 2, 1, 1, 100.0m);
        Assert.Equal(["delivery", "pricing"], Values(first, "byTopic"));
        AssertCount(Find(first, "byTopic", "delivery"), 2, 0, 2, null);
        AssertCount(Find(first, "byTopic", "pricing"), 1, 1, 0, 0.0m);
        Assert.Equal(["complaint", "enquiry"], Values(first, "byPurpose"));
        Assert.Equal(["email", "phone"], Values(first, "byChannel"));
        AssertCount(Find(first, "byBranch", "south"), 1, 0, 1, null);

        var second = periods[3];
        AssertCount(second.GetProperty("total"), 3, 2, 1, 50.0m);
        Assert.Equal(["pricing", Formula, "delivery"], Values(second, "byTopic"));
        AssertCount(Find(second, "byTopic", "pricing"), 2, 1, 1, 100.0m);
        AssertCount(Find(second, "byTopic", "delivery"), 0, 2, -2, -100.0m);
        AssertCount(Find(second, "byPurpose", "enquiry"), 2, 1, 1, 100.0m);
        AssertCount(Find(second, "byPurpose", "informationRequest"), 1, 0, 1, null);
        AssertCount(Find(second, "byPurpose", "complaint"), 0, 1, -1, -100.0m);
        Assert.Equal(["inPerson", "phone", "web", "email"], Values(second, "byChannel"));
        AssertCount(Find(second, "byBranch", "north"), 2, 1, 1, 100.0m);
        AssertCount(Find(second, "byBranch", "south"), 1, 1, 0, 0.0m);
        Assert.DoesNotContain("parking", periods.SelectMany(period => Values(period, "byTopic")));
        Assert.DoesNotContain("social", periods.SelectMany(period => Values(period, "byChannel")));
    }

    [Fact]
    public async Task NeedsReport_ByMonth_ComparesWithThePreviousMonth()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var response = await client.GetAsync($"{InteractionsApi.NeedsReportPath}?period=month&from=2025-02-10&to=2025-03-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("2025-03-31", report.GetProperty("to").GetString());
        var periods = report.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2025-02-01", "2025-03-01"], periods.Select(period => period.GetProperty("start").GetString()));
        Assert.Equal("2025-02-28", periods[0].GetProperty("end").GetString());
        AssertCount(periods[0].GetProperty("total"), 1, 2, -1, -50.0m);
        AssertCount(Find(periods[0], "byTopic", "pricing"), 1, 2, -1, -50.0m);
        AssertCount(periods[1].GetProperty("total"), 5, 1, 4, 400.0m);
        AssertCount(Find(periods[1], "byTopic", "pricing"), 3, 1, 2, 200.0m);
        AssertCount(Find(periods[1], "byTopic", "delivery"), 2, 0, 2, null);
        AssertCount(Find(periods[1], "byChannel", "phone"), 2, 1, 1, 100.0m);
    }

    [Fact]
    public async Task NeedsReport_ForOneBranch_CountsOnlyIt()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var response = await client.GetAsync($"{InteractionsApi.NeedsReportPath}{Weeks}&branch=north");

        var report = await CustomersApi.ReadJsonAsync(response);
        Assert.Equal("north", report.GetProperty("branch").GetString());
        var last = report.GetProperty("periods").EnumerateArray().Last();
        AssertCount(last.GetProperty("total"), 2, 1, 1, 100.0m);
        Assert.Equal(["north"], Values(last, "byBranch"));
    }

    [Fact]
    public async Task NeedsReport_BranchKey_SeesOnlyItsOwnBranchAndIsRefusedAnother()
    {
        using var client = fixture.Service.CreateClient();
        var token = InternalTokens.For(_tenantId, InternalTokens.AllScopes, "south");

        using var own = await client.SendWithTokenAsync(HttpMethod.Get, InteractionsApi.NeedsReportPath + Weeks, token);
        using var other = await client.SendWithTokenAsync(HttpMethod.Get, $"{InteractionsApi.NeedsReportPath}{Weeks}&branch=north", token);
        using var otherCsv = await client.SendWithTokenAsync(HttpMethod.Get, $"{InteractionsApi.NeedsReportPath}{Weeks}&branch=north&format=csv", token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var periods = (await CustomersApi.ReadJsonAsync(own)).GetProperty("periods").EnumerateArray().ToList();
        AssertCount(periods[2].GetProperty("total"), 1, 0, 1, null);
        AssertCount(periods[3].GetProperty("total"), 1, 1, 0, 0.0m);
        Assert.All(periods, period => Assert.All(Values(period, "byBranch"), branch => Assert.Equal("south", branch)));
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(otherCsv, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task NeedsReport_WithoutDates_CoversTheLastTwelveWeeksToThisOne()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var response = await client.GetAsync(InteractionsApi.NeedsReportPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var periods = (await CustomersApi.ReadJsonAsync(response)).GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(12, periods.Count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastStart = DateOnly.Parse(periods[^1].GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(today.DayNumber - lastStart.DayNumber, 0, 6);
        Assert.Equal(DayOfWeek.Monday, lastStart.DayOfWeek);
    }

    [Theory]
    [InlineData("period=day", "period")]
    [InlineData("from=2025-03-10&to=2025-03-09", "from")]
    [InlineData("from=2025-3-1", "from")]
    [InlineData("from=2023-01-01&to=2025-03-16", "to")]
    [InlineData("period=month&from=2022-01-01&to=2025-03-16", "to")]
    public async Task NeedsReport_WithBadRange_Returns400NamingTheField(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var json = await client.GetAsync($"{InteractionsApi.NeedsReportPath}?{query}");
        using var csv = await client.GetAsync($"{InteractionsApi.NeedsReportPath}?{query}&format=csv");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(json, HttpStatusCode.BadRequest, "validation"), field);
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(csv, HttpStatusCode.BadRequest, "validation"), field);
    }

    [Fact]
    public async Task NeedsReportCsv_ByWeek_IsOneEscapedLinePerPeriodDimensionAndValue()
    {
        using var client = fixture.Service.CreateTenantClient(_tenantId);

        using var response = await client.GetAsync($"{InteractionsApi.NeedsReportPath}?period=week&from=2025-03-03&to=2025-03-16&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("needs-week-2025-03-03-2025-03-16.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("periodStart,periodEnd,dimension,value,count,previousCount,change,changePercent", lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(1 + 9 + 13 + 1, lines.Length);
        Assert.Equal("2025-03-03,2025-03-09,total,all,2,1,1,100.0", lines[1]);
        Assert.Contains("2025-03-03,2025-03-09,topic,delivery,2,0,2,", lines);
        Assert.Contains("2025-03-10,2025-03-16,topic,\"'=cmd, \"\"x\"\"\",1,0,1,", lines);
        Assert.Contains("2025-03-10,2025-03-16,topic,delivery,0,2,-2,-100.0", lines);
        Assert.Contains("2025-03-10,2025-03-16,purpose,informationRequest,1,0,1,", lines);
        Assert.Contains("2025-03-10,2025-03-16,branch,south,1,1,0,0.0", lines);
        Assert.DoesNotContain(lines, line => line.Contains("parking", StringComparison.Ordinal) || line.Contains("social", StringComparison.Ordinal));
    }

    private static async Task Seed(HttpClient client, Guid customerId, string occurredAt, string branch, string channel, string purpose, params string[] topics) =>
        await InteractionsApi.RecordIdAsync(
            client,
            customerId,
            InteractionsApi.Body(branch, channel, purpose, topics, DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture)));

    private static JsonElement Find(JsonElement period, string dimension, string value) =>
        period.GetProperty(dimension).EnumerateArray().Single(count => count.GetProperty("value").GetString() == value);

    private static List<string?> Values(JsonElement period, string dimension) =>
        [.. period.GetProperty(dimension).EnumerateArray().Select(count => count.GetProperty("value").GetString())];

    private static void AssertCount(JsonElement count, long expected, long previous, long change, decimal? percent)
    {
        Assert.Equal(expected, count.GetProperty("count").GetInt64());
        Assert.Equal(previous, count.GetProperty("previousCount").GetInt64());
        Assert.Equal(change, count.GetProperty("change").GetInt64());
        var reported = count.GetProperty("changePercent");
        Assert.Equal(percent, reported.ValueKind == JsonValueKind.Null ? null : reported.GetDecimal());
    }
}
