using System.Buffers;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>Writing CSV cells: RFC 4180 quoting, and formula-injection safety for files opened in a spreadsheet.</summary>
public static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// The cell as CSV: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or CR) gets a
    /// leading single quote (OWASP's advice), then a value with a comma, quote or line break is quoted.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().ContainsAny(NeedsQuotes) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string?> values) => string.Join(',', values.Select(Cell));
}
