using System.Globalization;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>
/// What every report endpoint reads the same way: the periods (<c>period</c>, <c>from</c>, <c>to</c>), the branch it
/// reports on (a branch-restricted key's own unless it names one) and whether the caller wants CSV (<c>format</c> or
/// <c>Accept: text/csv</c>).
/// </summary>
public sealed record ReportRequest(ReportRange Range, string? Branch, bool WantsCsv)
{
    /// <summary>The request, or null with <paramref name="errors"/> filled.</summary>
    public static ReportRequest? TryRead(
        HttpRequest request,
        TenantContext tenant,
        TimeProvider clock,
        string? period,
        string? from,
        string? to,
        string? branch,
        string? format,
        IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(clock);
        var range = ReportRange.TryRead(period, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        var csv = ReportFormat.WantsCsv(request, format, errors);
        var scope = string.IsNullOrWhiteSpace(branch) ? tenant.Branch : branch.Trim();
        return range is null || csv is null ? null : new ReportRequest(range, scope, csv.Value);
    }

    /// <summary>403 when the caller's key is restricted to another branch than the one asked for; null when allowed.</summary>
    public ProblemHttpResult? RefusedFor(TenantContext tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return Branch is not null && !tenant.MayActFor(Branch) ? Problems.Problems.OtherBranch(Branch) : null;
    }

    /// <summary>The report as a streamed CSV download named <c>{name}-{period}-{first day}-{last day}.csv</c>.</summary>
    public PushStreamHttpResult CsvFile(string name, Func<Stream, Task> write) => TypedResults.Stream(
        write,
        Csv.ContentType,
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name}-{Range.Period.ToString().ToLowerInvariant()}-{Range.First:yyyy-MM-dd}-{Range.LastDay:yyyy-MM-dd}.csv"));
}
