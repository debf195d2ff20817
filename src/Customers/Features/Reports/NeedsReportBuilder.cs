using CustomerPlatform.ServiceDefaults.Reports;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>Groups the query's rows (already in report order) into one entry per period, empty periods included.</summary>
public static class NeedsReportBuilder
{
    public static NeedsReportResponse Build(ReportRange range, string? branch, IEnumerable<NeedsReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(range);
        var byPeriod = rows.ToLookup(row => row.PeriodStart);
        var periods = ReportPeriods.Starts(range.First, range.Last, range.Period)
            .Select(start =>
            {
                var counts = byPeriod[start].ToLookup(row => row.Dimension);
                var total = counts[NeedsDimension.Total].FirstOrDefault() ?? new NeedsReportRow(start, NeedsDimension.Total, "all", 0, 0);
                return new NeedsPeriodResponse(
                    start,
                    ReportPeriods.EndOf(start, range.Period),
                    NeedsCountResponse.From(total),
                    Counts(counts[NeedsDimension.Topic]),
                    Counts(counts[NeedsDimension.Purpose]),
                    Counts(counts[NeedsDimension.Channel]),
                    Counts(counts[NeedsDimension.Branch]));
            })
            .ToList();
        return new NeedsReportResponse(range.Period, range.First, range.LastDay, branch, periods);
    }

    private static List<NeedsCountResponse> Counts(IEnumerable<NeedsReportRow> rows) => [.. rows.Select(NeedsCountResponse.From)];
}
