using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ThemesReportTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    private const string ThemesPath = "/api/v1/feedback/reports/themes";

    [Fact]
    public async Task Themes_CountCommentsPerTermAndPhrase_AndRankWhatIsRising()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var lastWeek = new List<Guid>();
        foreach (var comment in new[] { "Friendly staff as always", "The staff were friendly", "Staff friendly, quick", "Parking was hard" })
        {
            lastWeek.Add(await CommentAsync(client, comment));
        }

        foreach (var comment in new[] { "A long wait at the till", "Long wait again! Long wait!", "such a LONG WAIT", "Friendly staff", "Friendly staff but a long wait", "Parking" })
        {
            await CommentAsync(client, comment);
        }

        await MoveBackAsync(tenantId, lastWeek, TimeSpan.FromDays(7));

        using var response = await client.GetAsync($"{ThemesPath}?period=week&from={Today.AddDays(-7):yyyy-MM-dd}&to={Today:yyyy-MM-dd}&minimumMentions=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var periods = (await FeedbackApi.ReadJsonAsync(response)).GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(2, periods.Count);
        var thisWeek = periods[1];
        Assert.Equal(
            [("long", 4L, 0L), ("wait", 4L, 0L), ("friendly", 2L, 3L), ("staff", 2L, 3L)],
            Themes(thisWeek, "terms"));
        Assert.Equal([("long wait", 4L, 0L), ("friendly staff", 2L, 1L)], Themes(thisWeek, "phrases"));
        Assert.Equal(["long", "long wait", "wait", "friendly staff"], Themes(thisWeek, "rising").Select(theme => theme.Text));
        Assert.Equal([("friendly", 3L, 0L), ("staff", 3L, 0L)], Themes(periods[0], "terms"));
    }

    [Fact]
    public async Task Themes_AsCsv_ListTheSameThemes()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        foreach (var comment in new[] { "=cmd long queue", "long queue", "Long queue today" })
        {
            await CommentAsync(client, comment);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ThemesPath}?period=month&minimumMentions=3&top=5");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var month = new DateOnly(Today.Year, Today.Month, 1);
        var end = month.AddMonths(1).AddDays(-1);
        Assert.Equal(
            [
                "periodStart,periodEnd,list,text,mentions,previousMentions,change",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},term,long,3,0,3",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},term,queue,3,0,3",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},phrase,long queue,3,0,3",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},rising,long,3,0,3",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},rising,long queue,3,0,3",
                $"{month:yyyy-MM-dd},{end:yyyy-MM-dd},rising,queue,3,0,3",
            ],
            lines);
    }

    [Fact]
    public async Task Themes_NeverCountAnotherTenantsOrAnotherBranchsComments()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            await CommentAsync(client, "dirty floor", branch: "north");
            await CommentAsync(other, "cold coffee");
        }

        using var mine = await client.GetAsync($"{ThemesPath}?period=month&minimumMentions=3");
        using var central = await client.GetAsync($"{ThemesPath}?period=month&minimumMentions=3&branch=central");

        var themes = Themes((await FeedbackApi.ReadJsonAsync(mine)).GetProperty("periods").EnumerateArray().Last(), "terms");
        Assert.Equal(["dirty", "floor"], themes.Select(theme => theme.Text));
        Assert.Empty(Themes((await FeedbackApi.ReadJsonAsync(central)).GetProperty("periods").EnumerateArray().Last(), "terms"));
    }

    [Fact]
    public async Task Themes_OfAnotherBranch_Return403ForABranchKey()
    {
        var tenantId = Guid.NewGuid();
        using var north = SurveyResponseApi.BranchClient(fixture.Service, tenantId, "north");

        using var own = await north.GetAsync(ThemesPath);
        using var other = await north.GetAsync($"{ThemesPath}?branch=south");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("north", (await FeedbackApi.ReadJsonAsync(own)).GetProperty("branch").GetString());
        await ProblemResponse.ReadAsync(other, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("period=day", "period")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("minimumMentions=1", "minimumMentions")]
    [InlineData("format=xml", "format")]
    public async Task Themes_WithABadParameter_Return400NamingIt(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync($"{ThemesPath}?{query}");

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static List<(string Text, long Mentions, long PreviousMentions)> Themes(JsonElement period, string list) =>
        [.. period.GetProperty(list).EnumerateArray().Select(theme => (
            theme.GetProperty("text").GetString()!, theme.GetProperty("mentions").GetInt64(), theme.GetProperty("previousMentions").GetInt64()))];

    private static async Task<Guid> CommentAsync(HttpClient client, string comment, string branch = "central")
    {
        using var created = await client.PostAsJsonAsync("/api/v1/feedback", new { branch, rating = 7, comment });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await FeedbackApi.ReadJsonAsync(created)).GetProperty("id").GetGuid();
    }

    private async Task MoveBackAsync(Guid tenantId, IReadOnlyList<Guid> ids, TimeSpan by) =>
        await fixture.Database.ExecuteAsync(
            "UPDATE feedback_items SET received_at = received_at - @by WHERE tenant_id = @tenant AND id = ANY(@ids)",
            ("by", by), ("tenant", tenantId), ("ids", ids.ToArray()));
}
