using System.Text.Json.Serialization;
using CustomerPlatform.ServiceDefaults.Reports;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>What the complaints report groups by.</summary>
public enum ComplaintGrouping
{
    Total,
    Category,
    RootCause,
    Severity,
    Channel,
    Branch,
}

/// <summary>One group's complaints received in one period, as the query returns them.</summary>
/// <param name="Recovered">Complaints whose customer answered the follow-up survey and recovered (see ComplaintRecovery).</param>
/// <param name="FollowedUp">Complaints whose customer answered the follow-up survey with a score.</param>
public sealed record ComplaintGroupRow(
    DateOnly PeriodStart,
    string Group,
    long Received,
    double? AcknowledgeMedianHours,
    double? AcknowledgeP90Hours,
    double? ResolveMedianHours,
    double? ResolveP90Hours,
    long Recovered,
    long FollowedUp);

/// <summary>Approved compensation on one group's complaints of one period, in one currency (<c>points</c> for loyalty points).</summary>
public sealed record CompensationCostRow(DateOnly PeriodStart, string Group, string Currency, decimal Amount);

/// <summary>Purchases of one branch (or <c>all</c>) in one period.</summary>
public sealed record PurchaseCountRow(DateOnly PeriodStart, string Group, long Purchases);

/// <summary>
/// Complaints received per period and group, with what became of them: times to acknowledge and resolve, recovery
/// and compensation cost are those of the complaints received in the period.
/// </summary>
public sealed record ComplaintsReportResponse(
    ReportPeriod Period,
    DateOnly From,
    DateOnly To,
    ComplaintGrouping By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Branch,
    IReadOnlyList<ComplaintsPeriodResponse> Periods);

/// <summary>One period's groups: those with complaints in it or in the period before.</summary>
public sealed record ComplaintsPeriodResponse(DateOnly Start, DateOnly End, IReadOnlyList<ComplaintGroupResponse> Groups);

/// <summary>One group's complaints in one period.</summary>
/// <param name="Group">The category, root cause (<c>none</c> when not found yet), severity, channel or branch; <c>all</c> for the total.</param>
/// <param name="Purchases">Purchases in the period (by branch and total only).</param>
/// <param name="PerHundredPurchases">Complaints per 100 purchases, two decimals; null without purchases or by other groupings.</param>
/// <param name="AcknowledgeMedianHours">Hours from receipt to acknowledgement, median, two decimals; null when none was acknowledged.</param>
/// <param name="AcknowledgeP90Hours">The same, 90th percentile (interpolated).</param>
/// <param name="ResolveMedianHours">Hours from receipt to the first resolution, median.</param>
/// <param name="ResolveP90Hours">The same, 90th percentile (interpolated).</param>
/// <param name="RecoveryRate">
/// Percentage of the complaints answered in their follow-up survey whose customer recovered (NPS at least 7 or CSAT at
/// least 4), one decimal; null when none was answered.
/// </param>
/// <param name="CompensationCost">Approved compensation per currency; loyalty points as currency <c>points</c>.</param>
public sealed record ComplaintGroupResponse(
    string Group,
    long Received,
    long PreviousReceived,
    long Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ChangePercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Purchases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? PerHundredPurchases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AcknowledgeMedianHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AcknowledgeP90Hours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ResolveMedianHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ResolveP90Hours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? RecoveryRate,
    IReadOnlyList<CompensationCostResponse> CompensationCost);

/// <summary>An amount in one currency.</summary>
/// <param name="Currency">ISO 4217 code, or <c>points</c>.</param>
public sealed record CompensationCostResponse(string Currency, decimal Amount);

public static class ComplaintsReportBuilder
{
    public static ComplaintsReportResponse Build(
        ReportRange range,
        ComplaintGrouping by,
        string? branch,
        IReadOnlyList<ComplaintGroupRow> complaints,
        IReadOnlyList<CompensationCostRow> costs,
        IReadOnlyList<PurchaseCountRow> purchases)
    {
        ArgumentNullException.ThrowIfNull(range);
        var rowOf = complaints.ToDictionary(row => (row.PeriodStart, row.Group));
        var costsOf = costs.ToLookup(row => (row.PeriodStart, row.Group));
        var purchasesOf = purchases.ToDictionary(row => (row.PeriodStart, row.Group), row => row.Purchases);
        var countsPurchases = by is ComplaintGrouping.Branch or ComplaintGrouping.Total;
        var periods = ReportPeriods.Starts(range.First, range.Last, range.Period)
            .Select(start =>
            {
                var previousStart = ReportPeriods.Previous(start, range.Period);
                var groups = complaints.Where(row => row.PeriodStart == start || row.PeriodStart == previousStart)
                    .Select(row => row.Group)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(group =>
                    {
                        var row = rowOf.GetValueOrDefault((start, group));
                        var received = row?.Received ?? 0;
                        var previous = rowOf.GetValueOrDefault((previousStart, group))?.Received ?? 0;
                        var change = PeriodChange.Between(received, previous);
                        long? bought = countsPurchases ? purchasesOf.GetValueOrDefault((start, group)) : null;
                        return new ComplaintGroupResponse(
                            group,
                            received,
                            previous,
                            change.Absolute,
                            change.Percent,
                            bought,
                            bought is > 0 ? decimal.Round(received * 100m / bought.Value, 2, MidpointRounding.AwayFromZero) : null,
                            Hours(row?.AcknowledgeMedianHours),
                            Hours(row?.AcknowledgeP90Hours),
                            Hours(row?.ResolveMedianHours),
                            Hours(row?.ResolveP90Hours),
                            row is { FollowedUp: > 0 } ? decimal.Round(row.Recovered * 100m / row.FollowedUp, 1, MidpointRounding.AwayFromZero) : null,
                            [.. costsOf[(start, group)].OrderBy(cost => cost.Currency, StringComparer.Ordinal).Select(cost => new CompensationCostResponse(cost.Currency, cost.Amount))]);
                    })
                    .ToList();
                return new ComplaintsPeriodResponse(start, ReportPeriods.EndOf(start, range.Period), groups);
            })
            .ToList();
        return new ComplaintsReportResponse(range.Period, range.First, range.LastDay, by, branch, periods);
    }

    private static double? Hours(double? hours) => hours is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>The complaints report as CSV, the same numbers as the JSON; compensation cost as "CUR amount" pairs joined by "; ".</summary>
public static class ComplaintsReportCsv
{
    public const string Header =
        "periodStart,periodEnd,group,received,previousReceived,change,changePercent,purchases,perHundredPurchases,"
        + "acknowledgeMedianHours,acknowledgeP90Hours,resolveMedianHours,resolveP90Hours,recoveryRate,compensationCost";

    public static IEnumerable<string> Lines(ComplaintsReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var period in report.Periods)
        {
            foreach (var group in period.Groups)
            {
                yield return string.Join(
                    ',',
                    ScoresReportCsv.Day(period.Start),
                    ScoresReportCsv.Day(period.End),
                    Csv.Text(group.Group),
                    ScoresReportCsv.Number(group.Received),
                    ScoresReportCsv.Number(group.PreviousReceived),
                    ScoresReportCsv.Number(group.Change),
                    ScoresReportCsv.Number(group.ChangePercent),
                    ScoresReportCsv.Number(group.Purchases),
                    ScoresReportCsv.Number(group.PerHundredPurchases),
                    ScoresReportCsv.Number(group.AcknowledgeMedianHours),
                    ScoresReportCsv.Number(group.AcknowledgeP90Hours),
                    ScoresReportCsv.Number(group.ResolveMedianHours),
                    ScoresReportCsv.Number(group.ResolveP90Hours),
                    ScoresReportCsv.Number(group.RecoveryRate),
                    Csv.Text(string.Join("; ", group.CompensationCost.Select(cost => cost.Currency + " " + ScoresReportCsv.Number(cost.Amount)))));
            }
        }
    }
}
