using CustomerPlatform.ServiceDefaults.Reports;
using System.Text.Json.Serialization;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>Needs and enquiry trends: interactions counted per period, each count beside the period before.</summary>
/// <param name="From">The first day of the first period.</param>
/// <param name="To">The last day of the last period.</param>
/// <param name="Branch">The branch counted; absent when all are.</param>
public sealed record NeedsReportResponse(ReportPeriod Period, DateOnly From, DateOnly To, string? Branch, IReadOnlyList<NeedsPeriodResponse> Periods);

/// <summary>One period's counts.</summary>
/// <param name="Start">Its first day (a Monday for weeks, the 1st for months).</param>
/// <param name="End">Its last day.</param>
/// <param name="Total">All interactions in the period.</param>
public sealed record NeedsPeriodResponse(
    DateOnly Start,
    DateOnly End,
    NeedsCountResponse Total,
    IReadOnlyList<NeedsCountResponse> ByTopic,
    IReadOnlyList<NeedsCountResponse> ByPurpose,
    IReadOnlyList<NeedsCountResponse> ByChannel,
    IReadOnlyList<NeedsCountResponse> ByBranch);

/// <summary>A count and how it moved since the previous period.</summary>
/// <param name="Value">The topic, purpose, channel or branch; <c>all</c> for the total.</param>
/// <param name="Change">Count minus previous count.</param>
/// <param name="ChangePercent">The change as a percentage of the previous count, one decimal; null when the previous count was 0.</param>
public sealed record NeedsCountResponse(
    string Value,
    long Count,
    long PreviousCount,
    long Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? ChangePercent)
{
    public static NeedsCountResponse From(NeedsReportRow row)
    {
        var change = row.Change;
        return new(row.Value, row.Count, row.PreviousCount, change.Absolute, change.Percent);
    }
}
