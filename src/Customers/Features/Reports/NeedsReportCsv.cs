using System.Globalization;
using System.Text;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>
/// The needs report as CSV (RFC 4180): a header, then one line per period, dimension and value, written as the
/// rows arrive so no file is ever built in memory.
/// </summary>
public static class NeedsReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string Header = "periodStart,periodEnd,dimension,value,count,previousCount,change,changePercent";

    // The writer's own buffer bounds memory; a flush every so many lines also keeps a slow download moving.
    private const int LinesPerFlush = 500;

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(IAsyncEnumerable<NeedsReportRow> rows, ReportPeriod period, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, Utf8WithoutBom, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Header.AsMemory(), cancellationToken);
        await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
        var lines = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(FormatLine(row, period).AsMemory(), cancellationToken);
            if (++lines % LinesPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One line, CRLF-terminated.</summary>
    public static string FormatLine(NeedsReportRow row, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(row);
        var change = row.Change;
        return string.Join(
            ',',
            row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportPeriods.EndOf(row.PeriodStart, period).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text(row.Dimension.ToString().ToLowerInvariant()),
            Text(row.Value),
            row.Count.ToString(CultureInfo.InvariantCulture),
            row.PreviousCount.ToString(CultureInfo.InvariantCulture),
            change.Absolute.ToString(CultureInfo.InvariantCulture),
            change.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "") + "\r\n";
    }

    /// <summary>
    /// A text cell: neutralised when a spreadsheet would run it as a formula (OWASP "CSV injection": a leading
    /// = + - @, tab or carriage return gets a single quote), then quoted when it holds a comma, quote or line break.
    /// Only client-sent text goes through here; the numbers are ours and stay numbers.
    /// </summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
