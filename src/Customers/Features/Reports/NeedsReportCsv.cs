using System.Globalization;
using CustomerPlatform.ServiceDefaults.Reports;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>The needs report as CSV: one line per period, dimension and value.</summary>
public static class NeedsReportCsv
{
    public const string Header = "periodStart,periodEnd,dimension,value,count,previousCount,change,changePercent";

    public static Task WriteAsync(IAsyncEnumerable<NeedsReportRow> rows, ReportPeriod period, Stream output, CancellationToken cancellationToken) =>
        Csv.WriteAsync(rows, Header, row => FormatLine(row, period), output, cancellationToken);

    /// <summary>One line, without its CRLF.</summary>
    public static string FormatLine(NeedsReportRow row, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(row);
        var change = row.Change;
        return string.Join(
            ',',
            row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportPeriods.EndOf(row.PeriodStart, period).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Csv.Text(row.Dimension.ToString().ToLowerInvariant()),
            Csv.Text(row.Value),
            row.Count.ToString(CultureInfo.InvariantCulture),
            row.PreviousCount.ToString(CultureInfo.InvariantCulture),
            change.Absolute.ToString(CultureInfo.InvariantCulture),
            change.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
    }
}
