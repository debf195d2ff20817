using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Report requests and readers the report tests share.</summary>
internal static class ReportsApi
{
    public const string ScoresPath = "/api/v1/feedback/reports/scores";
    public const string ComplaintsReportPath = "/api/v1/feedback/reports/complaints";
    public const string SettingsPath = "/api/v1/feedback/reports/settings";

    public static DateOnly ThisMonth
    {
        get
        {
            var now = DateTime.UtcNow;
            return new DateOnly(now.Year, now.Month, 1);
        }
    }

    public static DateOnly LastMonth => ThisMonth.AddMonths(-1);

    /// <summary>Noon on the given day of a month, UTC.</summary>
    public static DateTimeOffset In(DateOnly month, int day = 10, int hour = 12) =>
        new(month.Year, month.Month, day, hour, 0, 0, TimeSpan.Zero);

    public static string MonthQuery(DateOnly month) =>
        string.Create(CultureInfo.InvariantCulture, $"period=month&from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await FeedbackApi.ReadJsonAsync(response);
    }

    /// <summary>The CSV as one dictionary per line, keyed by the header's column names.</summary>
    public static async Task<List<Dictionary<string, string>>> GetCsvAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(pair => pair.First, pair => pair.Second))];
    }

    /// <summary>The group of the report's only (or first) period with that name.</summary>
    public static JsonElement Group(JsonElement report, string group, int period = 0) =>
        report.GetProperty("periods")[period].GetProperty("groups").EnumerateArray().Single(item => item.GetProperty("group").GetString() == group);

    public static async Task SetMinimumGroupSizeAsync(HttpClient client, int size)
    {
        using var response = await client.PutAsJsonAsync(SettingsPath, new { minimumGroupSize = size });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static Dictionary<string, object> Scores(int nps, int csat, int ces) => new() { ["nps"] = nps, ["csat"] = csat, ["ces"] = ces };
}
