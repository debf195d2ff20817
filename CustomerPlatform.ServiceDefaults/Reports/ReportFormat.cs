using Microsoft.AspNetCore.Http;

namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>How a report endpoint chooses between JSON and CSV for the same numbers.</summary>
public static class ReportFormat
{
    /// <summary>
    /// CSV when <c>?format=csv</c>, or when no format is named and the Accept header asks for <c>text/csv</c>; JSON
    /// otherwise. Null with a field error when <c>format</c> is neither <c>json</c> nor <c>csv</c>.
    /// </summary>
    public static bool? WantsCsv(HttpRequest request, string? format, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        switch (format?.Trim().ToLowerInvariant())
        {
            case "csv":
                return true;
            case "json":
                return false;
            case null or "":
                return request.GetTypedHeaders().Accept.Any(accept =>
                    accept.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
            default:
                errors["format"] = ["Use 'json' or 'csv' (or send Accept: text/csv)."];
                return null;
        }
    }
}
