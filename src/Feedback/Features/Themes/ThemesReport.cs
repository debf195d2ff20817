using System.Globalization;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Themes;

/// <summary>What a theme is: a single word, or two words that follow each other.</summary>
public enum ThemeKind
{
    Term,
    Phrase,
}

/// <summary>A term or phrase and how many comments of the period mention it.</summary>
/// <param name="Text">The word or the two words, lower case.</param>
/// <param name="Mentions">Comments of the period that contain it (a comment repeating it counts once).</param>
/// <param name="PreviousMentions">The same in the period before.</param>
/// <param name="Change">Mentions minus previous mentions.</param>
public sealed record ThemeResponse(string Text, long Mentions, long PreviousMentions, long Change);

/// <summary>One period's themes.</summary>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Terms">The most mentioned words, most first.</param>
/// <param name="Phrases">The most mentioned two-word phrases, most first.</param>
/// <param name="Rising">Words and phrases mentioned more than in the period before, fastest growing first.</param>
public sealed record ThemePeriodResponse(
    DateOnly Start, DateOnly End, IReadOnlyList<ThemeResponse> Terms, IReadOnlyList<ThemeResponse> Phrases, IReadOnlyList<ThemeResponse> Rising);

/// <summary>Recurring themes in what customers wrote: survey comments, feedback items and complaint descriptions.</summary>
/// <param name="Branch">The branch whose comments were read; absent for all.</param>
/// <param name="MinimumMentions">Themes mentioned in fewer comments than this are left out.</param>
public sealed record ThemesReportResponse(
    ReportPeriod Period, DateOnly From, DateOnly To, string? Branch, int MinimumMentions, IReadOnlyList<ThemePeriodResponse> Periods);

/// <summary>
/// Recurring themes per period: the words and two-word phrases most comments mention, and those rising fastest against
/// the period before. Plain term statistics in one SQL statement; no text leaves the database, only counted terms.
/// </summary>
public static class ThemesReport
{
    public const int DefaultTop = 20;
    public const int MaxTop = 100;
    public const int DefaultMinimumMentions = 3;
    public const string CsvHeader = "periodStart,periodEnd,list,text,mentions,previousMentions,change";

    public static void MapThemesReport(this RouteGroupBuilder feedback) =>
        feedback.MapGet("/reports/themes", GetAsync).WithName("GetThemesReport").WithTags("Reports")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>
    /// The themes of every period of the range, as JSON, or as CSV (<c>?format=csv</c> or <c>Accept: text/csv</c>): a
    /// line per period, list (term, phrase, rising) and theme, with mentions, previousMentions and change. A
    /// branch-restricted key reads its own branch's comments only.
    /// </summary>
    /// <param name="period">week (ISO weeks from Monday, the default), month or quarter; UTC.</param>
    /// <param name="from">First day (yyyy-mm-dd); the report starts with the period holding it. Default: 12 periods ending with to's.</param>
    /// <param name="to">Last day (yyyy-mm-dd); the report ends with the period holding it. Default: today.</param>
    /// <param name="branch">Read only this branch's comments.</param>
    /// <param name="top">How many terms, phrases and rising themes per period, 1 to 100 (default 20).</param>
    /// <param name="minimumMentions">Leave out themes fewer comments mention, 2 to 1000 (default 3): a word one customer wrote can name them.</param>
    /// <param name="format">json (the default) or csv.</param>
    public static async Task<Results<Ok<ThemesReportResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken,
        string? period = null,
        string? from = null,
        string? to = null,
        string? branch = null,
        int? top = null,
        int? minimumMentions = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var report = ReportRequest.TryRead(http.Request, tenant, clock, period, from, to, branch, format, errors);
        var request = report is null ? null : TryRead(report, top, minimumMentions, errors);
        if (request is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.Report.RefusedFor(tenant) is { } refused)
        {
            return refused;
        }

        var themes = Build(request, await RunAsync(db, tenant.TenantId, request, cancellationToken));
        if (!request.Report.WantsCsv)
        {
            return TypedResults.Ok(themes);
        }

        var lines = themes.Periods.SelectMany(period =>
            new[] { ("term", period.Terms), ("phrase", period.Phrases), ("rising", period.Rising) }
                .SelectMany(list => list.Item2.Select(theme => CsvLine(period, list.Item1, theme))));
        return request.Report.CsvFile("themes", body => Csv.WriteAsync(lines.ToAsyncEnumerable(), CsvHeader, line => line, body, http.RequestAborted));
    }

    private static string CsvLine(ThemePeriodResponse period, string list, ThemeResponse theme) => string.Join(
        ',',
        period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        list,
        Csv.Text(theme.Text),
        theme.Mentions.ToString(CultureInfo.InvariantCulture),
        theme.PreviousMentions.ToString(CultureInfo.InvariantCulture),
        theme.Change.ToString(CultureInfo.InvariantCulture));

    private sealed record ThemesRequest(ReportRequest Report, int Top, int MinimumMentions)
    {
        public ReportRange Range => Report.Range;
        public string? Branch => Report.Branch;
    }

    private static ThemesRequest? TryRead(ReportRequest report, int? top, int? minimumMentions, Dictionary<string, string[]> errors)
    {
        if (top is < 1 or > MaxTop)
        {
            errors["top"] = [$"From 1 to {MaxTop}."];
        }

        if (minimumMentions is < 2 or > 1000)
        {
            errors["minimumMentions"] = ["From 2 to 1000."];
        }

        return errors.Count > 0 ? null : new ThemesRequest(report, top ?? DefaultTop, minimumMentions ?? DefaultMinimumMentions);
    }

    private static ThemesReportResponse Build(ThemesRequest request, List<ThemeRow> rows)
    {
        var range = request.Range;
        var periods = ReportPeriods.Starts(range.First, range.Last, range.Period).Select(start =>
        {
            var ofPeriod = rows.Where(row => row.PeriodStart == start).ToList();
            return new ThemePeriodResponse(
                start,
                ReportPeriods.EndOf(start, range.Period),
                [.. ofPeriod.Where(row => row.Kind == (int)ThemeKind.Term && row.TopRank <= request.Top).OrderBy(row => row.TopRank).Select(ToResponse)],
                [.. ofPeriod.Where(row => row.Kind == (int)ThemeKind.Phrase && row.TopRank <= request.Top).OrderBy(row => row.TopRank).Select(ToResponse)],
                [.. ofPeriod.Where(row => row.RisingRank <= request.Top).OrderBy(row => row.RisingRank).Select(ToResponse)]);
        });
        return new ThemesReportResponse(range.Period, range.First, range.LastDay, request.Branch, request.MinimumMentions, [.. periods]);
    }

    private static ThemeResponse ToResponse(ThemeRow row) => new(row.Text, row.Mentions, row.PreviousMentions, row.Mentions - row.PreviousMentions);

    private static async Task<List<ThemeRow>> RunAsync(FeedbackDbContext db, Guid tenantId, ThemesRequest request, CancellationToken cancellationToken)
    {
        var range = request.Range;
        var start = new DateTimeOffset(range.QueryStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(range.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var unit = ReportPeriods.SqlUnit(range.Period);
        var stopwords = Stopwords.English.ToArray();
        return await db.Database.SqlQuery<ThemeRow>(ThemesSql.Query(tenantId, start, end, request.Branch, unit, range.First, stopwords, request.MinimumMentions, request.Top))
            .ToListAsync(cancellationToken);
    }
}
