using System.Globalization;
using System.Text.Json.Serialization;
using CustomerPlatform.ServiceDefaults.Reports;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>What the scores report groups by.</summary>
public enum ScoreGrouping
{
    Total,
    Branch,
    Segment,
    Survey,
}

/// <summary>One group's sums in one period, as the query returns them.</summary>
/// <param name="Group">The branch, survey id or segment id; <c>all</c> for the total.</param>
/// <param name="Label">The segment's name; null for other groupings.</param>
public sealed record ScoreGroupRow(DateOnly PeriodStart, string Group, string? Label, ScoreTotals Totals);

/// <summary>Invitations created for one group in one period.</summary>
public sealed record InvitationCountRow(DateOnly PeriodStart, string Group, long Invitations);

/// <summary>NPS, CSAT and CES per period and group, each beside the period before.</summary>
/// <param name="By">total, branch, segment or survey. By segment, responses count for the segments their customer is in now.</param>
/// <param name="MinimumGroupSize">Groups with fewer responses show counts only.</param>
public sealed record ScoresReportResponse(
    ReportPeriod Period,
    DateOnly From,
    DateOnly To,
    ScoreGrouping By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Branch,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? SurveyId,
    int MinimumGroupSize,
    IReadOnlyList<ScoresPeriodResponse> Periods);

/// <summary>One period's groups; a group appears when it had responses or invitations in the period.</summary>
public sealed record ScoresPeriodResponse(DateOnly Start, DateOnly End, IReadOnlyList<ScoreGroupResponse> Groups);

/// <summary>One group's scores in one period.</summary>
/// <param name="Group">The branch, survey id or segment id; <c>all</c> for the total.</param>
/// <param name="Label">The segment's name (by segment only).</param>
/// <param name="Withheld">True when the group had fewer responses than the minimum group size: scores and their breakdown are null.</param>
/// <param name="ResponseRate">Responses as a percentage of invitations created in the period, one decimal; null without invitations.</param>
/// <param name="Nps">Promoters minus detractors as a percentage of NPS answers, one decimal.</param>
/// <param name="Csat">Percentage of CSAT answers that are 4 or 5, one decimal.</param>
/// <param name="CsatMean">Mean CSAT answer (1-5), two decimals.</param>
/// <param name="Ces">Mean CES answer (1-7), two decimals.</param>
/// <param name="Change">Each figure minus the previous period's; null where either side is missing or withheld.</param>
public sealed record ScoreGroupResponse(
    string Group,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Label,
    bool Withheld,
    long Responses,
    long Invitations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ResponseRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Promoters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Passives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Detractors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Nps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Csat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? CsatMean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Ces,
    ScoreChangeResponse Change);

/// <summary>How a group's figures moved since the previous period.</summary>
/// <param name="Responses">Responses minus the previous period's.</param>
/// <param name="ResponsesPercent">That change as a percentage of the previous responses; null when there were none.</param>
public sealed record ScoreChangeResponse(
    long Responses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ResponsesPercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ResponseRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Nps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Csat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? CsatMean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Ces);

/// <summary>Turns the query's sums into the report: scores, withholding, response rates and changes. No I/O, so unit tests reach it.</summary>
public static class ScoresReportBuilder
{
    public static ScoresReportResponse Build(
        ReportRange range,
        ScoreGrouping by,
        string? branch,
        Guid? surveyId,
        int minimumGroupSize,
        IReadOnlyList<ScoreGroupRow> scores,
        IReadOnlyList<InvitationCountRow> invitations)
    {
        ArgumentNullException.ThrowIfNull(range);
        var scoreOf = scores.ToDictionary(row => (row.PeriodStart, row.Group));
        var invitedOf = invitations.ToDictionary(row => (row.PeriodStart, row.Group), row => row.Invitations);
        var periods = ReportPeriods.Starts(range.First, range.Last, range.Period)
            .Select(start =>
            {
                var previousStart = ReportPeriods.Previous(start, range.Period);
                var groups = scores.Where(row => row.PeriodStart == start).Select(row => row.Group)
                    .Concat(invitations.Where(row => row.PeriodStart == start).Select(row => row.Group))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(group =>
                    {
                        var current = Figures.Of(scoreOf.GetValueOrDefault((start, group)), invitedOf.GetValueOrDefault((start, group)), minimumGroupSize);
                        var previous = Figures.Of(scoreOf.GetValueOrDefault((previousStart, group)), invitedOf.GetValueOrDefault((previousStart, group)), minimumGroupSize);
                        var label = scoreOf.GetValueOrDefault((start, group))?.Label ?? scoreOf.GetValueOrDefault((previousStart, group))?.Label;
                        return current.ToResponse(group, label, previous);
                    })
                    .ToList();
                return new ScoresPeriodResponse(start, ReportPeriods.EndOf(start, range.Period), groups);
            })
            .ToList();
        return new ScoresReportResponse(range.Period, range.First, range.LastDay, by, branch, surveyId, minimumGroupSize, periods);
    }

    private sealed record Figures(ScoreTotals Totals, long Invitations, bool Withheld)
    {
        public decimal? ResponseRate => Invitations == 0
            ? null
            : decimal.Round(Totals.Responses * 100m / Invitations, 1, MidpointRounding.AwayFromZero);

        public static Figures Of(ScoreGroupRow? row, long invitations, int minimumGroupSize)
        {
            var totals = row?.Totals ?? default;
            return new Figures(totals, invitations, totals.Responses < minimumGroupSize);
        }

        public ScoreGroupResponse ToResponse(string group, string? label, Figures previous)
        {
            var responses = PeriodChange.Between(Totals.Responses, previous.Totals.Responses);
            var scored = !Withheld && !previous.Withheld;
            var change = new ScoreChangeResponse(
                responses.Absolute,
                responses.Percent,
                Difference(ResponseRate, previous.ResponseRate),
                scored ? Difference(Totals.Nps, previous.Totals.Nps) : null,
                scored ? Difference(Totals.Csat, previous.Totals.Csat) : null,
                scored ? Difference(Totals.CsatMean, previous.Totals.CsatMean) : null,
                scored ? Difference(Totals.Ces, previous.Totals.Ces) : null);
            return new ScoreGroupResponse(
                group,
                label,
                Withheld,
                Totals.Responses,
                Invitations,
                ResponseRate,
                Withheld ? null : Totals.Promoters,
                Withheld ? null : Totals.Passives,
                Withheld ? null : Totals.Detractors,
                Withheld ? null : Totals.Nps,
                Withheld ? null : Totals.Csat,
                Withheld ? null : Totals.CsatMean,
                Withheld ? null : Totals.Ces,
                change);
        }

        private static decimal? Difference(decimal? current, decimal? previous) => current - previous;
    }
}

/// <summary>The scores report as CSV: one line per period and group, the same numbers as the JSON; empty cells for nulls.</summary>
public static class ScoresReportCsv
{
    public const string Header =
        "periodStart,periodEnd,group,label,withheld,responses,invitations,responseRate,promoters,passives,detractors,nps,csat,csatMean,ces,"
        + "responsesChange,responsesChangePercent,responseRateChange,npsChange,csatChange,csatMeanChange,cesChange";

    public static IEnumerable<string> Lines(ScoresReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var period in report.Periods)
        {
            foreach (var group in period.Groups)
            {
                yield return string.Join(
                    ',',
                    Day(period.Start),
                    Day(period.End),
                    Csv.Text(group.Group),
                    Csv.Text(group.Label ?? ""),
                    group.Withheld ? "true" : "false",
                    Number(group.Responses),
                    Number(group.Invitations),
                    Number(group.ResponseRate),
                    Number(group.Promoters),
                    Number(group.Passives),
                    Number(group.Detractors),
                    Number(group.Nps),
                    Number(group.Csat),
                    Number(group.CsatMean),
                    Number(group.Ces),
                    Number(group.Change.Responses),
                    Number(group.Change.ResponsesPercent),
                    Number(group.Change.ResponseRate),
                    Number(group.Change.Nps),
                    Number(group.Change.Csat),
                    Number(group.Change.CsatMean),
                    Number(group.Change.Ces));
            }
        }
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
