using System.Text;

namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>
/// Reports as CSV (RFC 4180): a header, then one line per row, written as rows arrive so no file is ever built in
/// memory, and text cells a spreadsheet cannot run.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // The writer's own buffer bounds memory; a flush every so many lines also keeps a slow download moving.
    private const int LinesPerFlush = 500;

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="header"/> and one CRLF-terminated line per row, made by <paramref name="line"/> (without its CRLF).</summary>
    public static async Task WriteAsync<TRow>(
        IAsyncEnumerable<TRow> rows, string header, Func<TRow, string> line, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(line);
        await using var writer = new StreamWriter(output, Utf8WithoutBom, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync((header + "\r\n").AsMemory(), cancellationToken);
        var lines = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync((line(row) + "\r\n").AsMemory(), cancellationToken);
            if (++lines % LinesPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
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
