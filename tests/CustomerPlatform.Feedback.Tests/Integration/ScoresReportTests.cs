using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ReportsApi;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ScoresReportTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    [Fact]
    public async Task Scores_ByBranch_GiveExactNpsCsatCesAndTheirChangeAgainstThePreviousMonth()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        int[][] north = [[10, 5, 1], [9, 4, 2], [8, 3, 3], [3, 5, 4], [10, 2, 5]];
        foreach (var (nps, csat, ces) in north.Select(s => (s[0], s[1], s[2])))
        {
            await RecordCreatedAsync(client, surveyId, Response("north", answers: Scores(nps, csat, ces), answeredAt: In(LastMonth)));
            await RecordCreatedAsync(client, surveyId, Response("north", answers: Scores(10, 5, 1), answeredAt: In(LastMonth.AddMonths(-1))));
            await RecordCreatedAsync(client, surveyId, Response("south", answers: Scores(0, 1, 7), answeredAt: In(LastMonth, day: 20)));
        }

        var report = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=branch");

        Assert.Equal("branch", report.GetProperty("by").GetString());
        Assert.Single(report.GetProperty("periods").EnumerateArray());
        var northGroup = Group(report, "north");
        Assert.False(northGroup.GetProperty("withheld").GetBoolean());
        Assert.Equal(5, northGroup.GetProperty("responses").GetInt64());
        Assert.Equal(3, northGroup.GetProperty("promoters").GetInt64());
        Assert.Equal(1, northGroup.GetProperty("passives").GetInt64());
        Assert.Equal(1, northGroup.GetProperty("detractors").GetInt64());
        Assert.Equal(40.0m, northGroup.GetProperty("nps").GetDecimal());
        Assert.Equal(60.0m, northGroup.GetProperty("csat").GetDecimal());
        Assert.Equal(3.8m, northGroup.GetProperty("csatMean").GetDecimal());
        Assert.Equal(3.0m, northGroup.GetProperty("ces").GetDecimal());
        Assert.Equal(JsonValueKindNull, northGroup.GetProperty("responseRate").ValueKind);
        var northChange = northGroup.GetProperty("change");
        Assert.Equal(0, northChange.GetProperty("responses").GetInt64());
        Assert.Equal(-60.0m, northChange.GetProperty("nps").GetDecimal());
        Assert.Equal(-40.0m, northChange.GetProperty("csat").GetDecimal());
        Assert.Equal(-1.2m, northChange.GetProperty("csatMean").GetDecimal());
        Assert.Equal(2.0m, northChange.GetProperty("ces").GetDecimal());
        var southGroup = Group(report, "south");
        Assert.Equal(-100.0m, southGroup.GetProperty("nps").GetDecimal());
        Assert.Equal(0.0m, southGroup.GetProperty("csat").GetDecimal());
        Assert.Equal(7.0m, southGroup.GetProperty("ces").GetDecimal());
        var southChange = southGroup.GetProperty("change");
        Assert.Equal(5, southChange.GetProperty("responses").GetInt64());
        Assert.Equal(JsonValueKindNull, southChange.GetProperty("responsesPercent").ValueKind);
        Assert.Equal(JsonValueKindNull, southChange.GetProperty("nps").ValueKind);
        Assert.Equal(JsonValueKindNull, southChange.GetProperty("csat").ValueKind);
    }

    [Fact]
    public async Task Scores_BySurveyAndInTotal_CountEveryBranch()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var first = await CreateSurveyAsync(client, EveryTypeSurvey());
        var second = await CreateSurveyAsync(client, EveryTypeSurvey());
        for (var i = 0; i < 5; i++)
        {
            await RecordCreatedAsync(client, first, Response(i % 2 == 0 ? "north" : "south", answers: Scores(10, 5, 2), answeredAt: In(LastMonth)));
            await RecordCreatedAsync(client, second, Response("north", answers: Scores(i < 4 ? 6 : 9, 3, 4), answeredAt: In(LastMonth)));
        }

        var bySurvey = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=survey");
        var total = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}");
        var onlySecond = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}&surveyId={second}");

        Assert.Equal(100.0m, Group(bySurvey, first.ToString()).GetProperty("nps").GetDecimal());
        Assert.Equal(-60.0m, Group(bySurvey, second.ToString()).GetProperty("nps").GetDecimal());
        var all = Group(total, "all");
        Assert.Equal(10, all.GetProperty("responses").GetInt64());
        Assert.Equal(20.0m, all.GetProperty("nps").GetDecimal());
        Assert.Equal(50.0m, all.GetProperty("csat").GetDecimal());
        Assert.Equal(4.0m, all.GetProperty("csatMean").GetDecimal());
        Assert.Equal(3.0m, all.GetProperty("ces").GetDecimal());
        Assert.Equal(-60.0m, Group(onlySecond, "all").GetProperty("nps").GetDecimal());
    }

    [Fact]
    public async Task Scores_GroupSmallerThanTheMinimum_IsWithheldInJsonAndCsvUntilTheMinimumIsLowered()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        for (var i = 0; i < 5; i++)
        {
            await RecordCreatedAsync(client, surveyId, Response("big", answers: Scores(9, 4, 2), answeredAt: In(LastMonth)));
        }

        await RecordCreatedAsync(client, surveyId, Response("tiny", answers: Scores(0, 1, 7), answeredAt: In(LastMonth)));
        await RecordCreatedAsync(client, surveyId, Response("tiny", answers: Scores(10, 5, 1), answeredAt: In(LastMonth)));
        var path = $"{ScoresPath}?{MonthQuery(LastMonth)}&by=branch";

        var json = await GetJsonAsync(client, path);
        var csv = await GetCsvAsync(client, path + "&format=csv");
        await SetMinimumGroupSizeAsync(client, 2);
        var lowered = await GetJsonAsync(client, path);

        Assert.Equal(5, json.GetProperty("minimumGroupSize").GetInt32());
        var tiny = Group(json, "tiny");
        Assert.True(tiny.GetProperty("withheld").GetBoolean());
        Assert.Equal(2, tiny.GetProperty("responses").GetInt64());
        foreach (var withheld in new[] { "nps", "csat", "csatMean", "ces", "promoters", "passives", "detractors" })
        {
            Assert.Equal(JsonValueKindNull, tiny.GetProperty(withheld).ValueKind);
        }

        var tinyLine = csv.Single(line => line["group"] == "tiny");
        Assert.Equal("true", tinyLine["withheld"]);
        Assert.Equal("2", tinyLine["responses"]);
        Assert.Equal("", tinyLine["nps"]);
        Assert.Equal("", tinyLine["promoters"]);
        var big = Group(json, "big");
        var bigLine = csv.Single(line => line["group"] == "big");
        Assert.Equal("false", bigLine["withheld"]);
        Assert.Equal(big.GetProperty("nps").GetDecimal(), decimal.Parse(bigLine["nps"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(big.GetProperty("csatMean").GetDecimal(), decimal.Parse(bigLine["csatMean"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(big.GetProperty("ces").GetDecimal(), decimal.Parse(bigLine["ces"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, lowered.GetProperty("minimumGroupSize").GetInt32());
        Assert.False(Group(lowered, "tiny").GetProperty("withheld").GetBoolean());
        Assert.Equal(0.0m, Group(lowered, "tiny").GetProperty("nps").GetDecimal());
    }

    [Fact]
    public async Task Scores_AcceptTextCsv_AnswersCsv()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{ScoresPath}?{MonthQuery(LastMonth)}", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("periodStart,periodEnd,group,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_ResponseRate_IsResponsesOverInvitationsOfThePeriod()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetMinimumGroupSizeAsync(client, 1);
        for (var i = 0; i < 4; i++)
        {
            using var invited = await client.PostAsJsonAsync($"{SurveysPath}/{surveyId}/invitations", new { branch = "central", channel = "email" });
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        await RecordCreatedAsync(client, surveyId, Response("central", answers: Scores(10, 5, 1)));

        var report = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(ThisMonth)}&by=branch");

        var central = Group(report, "central");
        Assert.Equal(1, central.GetProperty("responses").GetInt64());
        Assert.Equal(4, central.GetProperty("invitations").GetInt64());
        Assert.Equal(25.0m, central.GetProperty("responseRate").GetDecimal());
    }

    [Fact]
    public async Task Scores_BySegment_CountResponsesForTheSegmentsTheCustomerIsInNow()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetMinimumGroupSizeAsync(client, 1);
        var segmentId = Guid.NewGuid();
        var (stays, leaves) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await PublishSegmentChangeAsync(tenantId, segmentId, stays, CustomerSegmentChanged.Joined, now.AddMinutes(-2));
        await PublishSegmentChangeAsync(tenantId, segmentId, leaves, CustomerSegmentChanged.Left, now.AddMinutes(-1));
        await PublishSegmentChangeAsync(tenantId, segmentId, leaves, CustomerSegmentChanged.Joined, now.AddMinutes(-2));
        await RecordCreatedAsync(client, surveyId, Response("north", customerId: stays, answers: Scores(10, 5, 1), answeredAt: In(LastMonth)));
        await RecordCreatedAsync(client, surveyId, Response("north", customerId: leaves, answers: Scores(0, 1, 7), answeredAt: In(LastMonth)));

        var report = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=segment");

        var segment = Group(report, segmentId.ToString());
        Assert.Equal("Regulars", segment.GetProperty("label").GetString());
        Assert.Equal(1, segment.GetProperty("responses").GetInt64());
        Assert.Equal(100.0m, segment.GetProperty("nps").GetDecimal());
    }

    [Fact]
    public async Task Scores_OfAnotherBusiness_AreNeverCounted()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(stranger, EveryTypeSurvey());
        await RecordCreatedAsync(stranger, surveyId, Response("central", answers: Scores(10, 5, 1), answeredAt: In(LastMonth)));

        var report = await GetJsonAsync(client, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=branch&surveyId={surveyId}");
        var own = await GetJsonAsync(stranger, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=branch&surveyId={surveyId}");

        Assert.Empty(report.GetProperty("periods")[0].GetProperty("groups").EnumerateArray());
        Assert.Equal(1, Group(own, "central").GetProperty("responses").GetInt64());
    }

    [Fact]
    public async Task Scores_BranchKey_SeesItsBranchOnlyAnd403ForAnother()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var northKey = BranchClient(fixture.Service, tenantId, "north");
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await RecordCreatedAsync(client, surveyId, Response("north", answers: Scores(10, 5, 1), answeredAt: In(LastMonth)));
        await RecordCreatedAsync(client, surveyId, Response("south", answers: Scores(0, 1, 7), answeredAt: In(LastMonth)));

        var own = await GetJsonAsync(northKey, $"{ScoresPath}?{MonthQuery(LastMonth)}&by=branch");
        using var other = await northKey.GetAsync(new Uri($"{ScoresPath}?{MonthQuery(LastMonth)}&branch=south", UriKind.Relative));
        using var settings = await northKey.PutAsJsonAsync(SettingsPath, new { minimumGroupSize = 1 });

        Assert.Equal("north", own.GetProperty("branch").GetString());
        Assert.Equal("north", Assert.Single(own.GetProperty("periods")[0].GetProperty("groups").EnumerateArray()).GetProperty("group").GetString());
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(settings, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("period=day", "period")]
    [InlineData("from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("by=city", "by")]
    [InlineData("format=xml", "format")]
    public async Task Scores_InvalidQuery_Returns400WithTheFieldError(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri($"{ScoresPath}?{query}", UriKind.Relative));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Settings_MinimumGroupSizeOutOfRange_Returns400(int size)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PutAsJsonAsync(SettingsPath, new { minimumGroupSize = size });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, "minimumGroupSize"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task PublishSegmentChangeAsync(Guid tenantId, Guid segmentId, Guid customerId, string change, DateTimeOffset at)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(new CustomerSegmentChanged
        {
            TenantId = tenantId,
            SegmentId = segmentId,
            SegmentName = "Regulars",
            CustomerId = customerId,
            Change = change,
            OccurredAt = at,
        }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }
}
