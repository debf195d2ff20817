using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ServicePeriodServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>
/// Service periods on NPS standards fed by FeedbackReceived. Monthly periods from July 2026 (the NPS placeholder counts
/// whole months); the tests that close by hand wait a year to close by themselves, so the worker leaves them alone.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServicePeriodTests(ServicePeriodServiceFixture fixture) : IClassFixture<ServicePeriodServiceFixture>
{
    private const int AYear = 8760;
    private static readonly DateTimeOffset July = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Settings_NeverChosen_AreMonthlyFromTheCurrentMonthWithoutETag()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri(SettingsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        var body = await ReadJsonAsync(response);
        Assert.Equal("month", body.GetProperty("length").GetString());
        var today = DateTime.UtcNow;
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("firstPeriodStart").GetString());
        Assert.Equal("UTC", body.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("week", "2026-07-01", "service-period-start-misaligned")]
    [InlineData("month", "2026-07-02", "service-period-start-misaligned")]
    [InlineData("quarter", "2026-08-01", "service-period-start-misaligned")]
    [InlineData("month", "2099-01-01", "service-period-start-in-future")]
    public async Task Settings_StartOffItsBoundary_Returns422WithFieldError(string length, string firstPeriodStart, string type)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PutAsJsonAsync(SettingsPath, new { length, firstPeriodStart, closeAfterHours = 24 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Equal($"urn:customer-platform:problem:{type}", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("firstPeriodStart", out _), problem.ToString());
    }

    [Fact]
    public async Task Settings_MissingFieldsOrHoursOutOfRange_Return400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PutAsJsonAsync(SettingsPath, new { closeAfterHours = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadJsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("length", out _) && errors.TryGetProperty("firstPeriodStart", out _) && errors.TryGetProperty("closeAfterHours", out _), errors.ToString());
    }

    [Fact]
    public async Task Settings_OnceSet_NeedIfMatch()
    {
        var tenantId = Guid.NewGuid();
        var etag = await fixture.SetPeriodsAsync(tenantId, "week", "2026-06-29", AYear);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var body = new { length = "quarter", firstPeriodStart = "2026-07-01", closeAfterHours = 48 };

        using var missing = await ServiceStandardsApiTests.SendAsync(client, HttpMethod.Put, SettingsPath, null, body);
        using var stale = await ServiceStandardsApiTests.SendAsync(client, HttpMethod.Put, SettingsPath, "\"1\"", body);
        using var changed = await ServiceStandardsApiTests.SendAsync(client, HttpMethod.Put, SettingsPath, etag, body);
        using var read = await client.GetAsync(new Uri(SettingsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Equal(changed.Headers.ETag, read.Headers.ETag);
        var settings = await ReadJsonAsync(read);
        Assert.Equal(("quarter", "2026-07-01", 48), (settings.GetProperty("length").GetString(), settings.GetProperty("firstPeriodStart").GetString(), settings.GetProperty("closeAfterHours").GetInt32()));
    }

    [Fact]
    public async Task Periods_ClosedInOrder_FreezeScorecards_PublishOnce_AndCompare()
    {
        var tenantId = Guid.NewGuid();
        var etag = await fixture.SetPeriodsAsync(tenantId, "month", "2026-07-01", AYear);
        var standardId = await fixture.CreateNpsStandardAsync(tenantId);
        await fixture.RecordAsync(tenantId, "central", July, 10, 10);
        await fixture.RecordAsync(tenantId, "central", July.AddMonths(1), 0, 0);
        await fixture.RecordAsync(tenantId, "central", July.AddMonths(2), 10, 0);
        await fixture.RecordAsync(tenantId, "central", July.AddMonths(3), 10, 10, 10, 0);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ClosedExchange);

        var listed = await GetJsonAsync(client, $"{PeriodsPath}?count=6");
        using var outOfOrder = await CloseAsync(client, "2026-08-01");
        using var notEnded = await CloseAsync(client, "2026-11-01");
        var liveJuly = await GetJsonAsync(client, $"{PeriodsPath}/2026-07-01");
        using var closeJuly = await CloseAsync(client, "2026-07-01");
        var frozenJuly = await ReadJsonAsync(closeJuly);
        var published = await probe.WaitForAsync(e => e.GetGuid("tenantId") == tenantId, "July's close should be published");
        await fixture.RecordAsync(tenantId, "central", July, 0, 0, 0, 0, 0, 0);
        using var againJuly = await CloseAsync(client, "2026-07-01");
        var julyAfterLateEvents = await GetJsonAsync(client, $"{PeriodsPath}/2026-07-01");
        var racing = await Task.WhenAll(CloseAsync(client, "2026-08-01"), CloseAsync(client, "2026-08-01"));
        foreach (var start in new[] { "2026-09-01", "2026-10-01" })
        {
            using var closed = await CloseAsync(client, start);
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var august = await GetJsonAsync(client, $"{PeriodsPath}/2026-08-01?branch=central");
        var comparison = await GetJsonAsync(client, $"{PeriodsPath}/comparison?count=4&branch=central");
        var afterCloses = await GetJsonAsync(client, $"{PeriodsPath}?count=3");
        using var recut = await ServiceStandardsApiTests.SendAsync(
            client, HttpMethod.Put, SettingsPath, etag, new { length = "quarter", firstPeriodStart = "2026-10-01", closeAfterHours = 24 });

        Assert.Equal(
            [("2026-11-01", "open"), ("2026-10-01", "ended"), ("2026-09-01", "ended"), ("2026-08-01", "ended"), ("2026-07-01", "ended")],
            Periods(listed));
        await AssertProblemAsync(outOfOrder, HttpStatusCode.Conflict, "earlier-period-open");
        await AssertProblemAsync(notEnded, HttpStatusCode.Conflict, "period-not-ended");
        Assert.Equal("ended", liveJuly.GetProperty("status").GetString());
        Assert.Equal(100m, Line(liveJuly).GetProperty("actual").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, closeJuly.StatusCode);
        Assert.Equal("closed", frozenJuly.GetProperty("status").GetString());
        Assert.Equal(liveJuly.GetProperty("id").GetGuid(), frozenJuly.GetProperty("id").GetGuid());
        Assert.Equal((standardId, 100m, "met", false), Result(Line(frozenJuly)));
        Assert.Equal(frozenJuly.GetProperty("id").GetGuid(), published.GetGuid("periodId"));
        Assert.Equal(("month", "2026-07-01", "2026-08-01"), (published.GetString("length"), published.GetString("start"), published.GetString("end")));
        var publishedLine = Assert.Single(published.Message.GetProperty("results").EnumerateArray());
        Assert.Equal((standardId, "central", "met", false), (publishedLine.GetProperty("standardId").GetGuid(), publishedLine.GetProperty("branch").GetString(), publishedLine.GetProperty("outcome").GetString(), publishedLine.GetProperty("failed").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, againJuly.StatusCode);
        Assert.Equal(frozenJuly.GetProperty("closedAt").GetDateTimeOffset(), (await ReadJsonAsync(againJuly)).GetProperty("closedAt").GetDateTimeOffset());
        Assert.Equal(100m, Line(julyAfterLateEvents).GetProperty("actual").GetDecimal());
        Assert.All(racing, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal((await ReadJsonAsync(racing[0])).GetProperty("closedAt").GetDateTimeOffset(), (await ReadJsonAsync(racing[1])).GetProperty("closedAt").GetDateTimeOffset());
        var augustLine = Line(august);
        Assert.Equal((standardId, -100m, "breached", true), Result(augustLine));
        Assert.Equal((100m, -200m), (augustLine.GetProperty("previousActual").GetDecimal(), augustLine.GetProperty("change").GetDecimal()));
        Assert.Equal(
            ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"],
            comparison.GetProperty("periods").EnumerateArray().Select(period => period.GetProperty("start").GetString()));
        var compared = Assert.Single(comparison.GetProperty("standards").EnumerateArray());
        Assert.Equal(
            [("2026-07-01", 100m, "met"), ("2026-08-01", -100m, "breached"), ("2026-09-01", 0m, "breached"), ("2026-10-01", 50m, "met")],
            compared.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("start").GetString(), r.GetProperty("actual").GetDecimal(), r.GetProperty("outcome").GetString())));
        Assert.Equal([("2026-11-01", "open"), ("2026-10-01", "closed"), ("2026-09-01", "closed")], Periods(afterCloses));
        await AssertProblemAsync(recut, HttpStatusCode.UnprocessableEntity, "closed-periods-recut");
        foreach (var response in racing)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Worker_ClosesEndedPeriodsByThemselves_OldestFirst()
    {
        var tenantId = Guid.NewGuid();
        await fixture.CreateNpsStandardAsync(tenantId);
        await fixture.RecordAsync(tenantId, "north", July.AddMonths(2), 10);
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ClosedExchange);

        await fixture.SetPeriodsAsync(tenantId, "month", "2026-09-01", 0);
        var october = await probe.WaitForAsync(e => e.GetGuid("tenantId") == tenantId && e.GetString("start") == "2026-10-01", "October should close by itself");
        var listed = await GetJsonAsync(client, $"{PeriodsPath}?count=5");

        Assert.Equal([("2026-11-01", "open"), ("2026-10-01", "closed"), ("2026-09-01", "closed")], Periods(listed));
        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items[2].GetProperty("closedAt").GetDateTimeOffset() <= items[1].GetProperty("closedAt").GetDateTimeOffset(), "September closes before October");
        Assert.Equal("2026-11-01", october.GetString("end"));
    }

    [Fact]
    public async Task Periods_OfAnotherTenant_AreNotSeen()
    {
        var owner = Guid.NewGuid();
        await fixture.SetPeriodsAsync(owner, "month", "2026-07-01", AYear);
        await fixture.CreateNpsStandardAsync(owner);
        await fixture.RecordAsync(owner, "central", July, 10);
        using var ownerClient = fixture.Service.CreateTenantClient(owner);
        using var closed = await CloseAsync(ownerClient, "2026-07-01");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var period = await other.GetAsync(new Uri($"{PeriodsPath}/2026-07-01", UriKind.Relative));
        using var close = await CloseAsync(other, "2026-07-01");
        var listed = await GetJsonAsync(other, PeriodsPath);
        var comparison = await GetJsonAsync(other, $"{PeriodsPath}/comparison");
        var current = await GetJsonAsync(other, $"{PeriodsPath}/{DateTime.UtcNow:yyyy-MM}-01");

        Assert.Equal(HttpStatusCode.NotFound, period.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal("open", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty(comparison.GetProperty("periods").EnumerateArray());
        Assert.Empty(current.GetProperty("results").EnumerateArray());
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    public async Task Period_DateShapedButNoDate_Returns400(string start)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri($"{PeriodsPath}/{start}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("start", out _));
    }

    [Theory]
    [InlineData("july")]
    [InlineData("0190f0d2-5d5c-7c3e-9a51-2f4b8d1e6a77")]
    public async Task Period_NotDateShaped_Returns404Problem(string start)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri($"{PeriodsPath}/{start}", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private static Task<HttpResponseMessage> CloseAsync(HttpClient client, string start) =>
        client.PostAsync(new Uri($"{PeriodsPath}/{start}/close", UriKind.Relative), null);

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal($"urn:customer-platform:problem:{type}", (await ReadJsonAsync(response)).GetProperty("type").GetString());
    }

    private static List<(string?, string?)> Periods(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(item => (item.GetProperty("start").GetString(), item.GetProperty("status").GetString()))];

    private static JsonElement Line(JsonElement period) => Assert.Single(period.GetProperty("results").EnumerateArray());

    private static (Guid, decimal, string?, bool) Result(JsonElement line) =>
        (line.GetProperty("standardId").GetGuid(), line.GetProperty("actual").GetDecimal(), line.GetProperty("outcome").GetString(), line.GetProperty("failed").GetBoolean());
}
