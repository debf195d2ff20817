using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>
/// Needs and enquiry trends: interactions by topic, purpose, channel and branch per week or month, against the
/// period before, as JSON or as a CSV download (the same numbers). A branch-restricted key sees its own branch's figures only.
/// </summary>
public static class NeedsReport
{
    public static void MapNeedsReport(this RouteGroupBuilder group) =>
        group.MapGet("/reports/needs", GetAsync).WithName("GetNeedsReport")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>
    /// The report: every period of the range with its counts, as JSON, or as CSV (<c>?format=csv</c> or
    /// <c>Accept: text/csv</c>; UTF-8, streamed): a header, then a line per period, dimension (total, topic, purpose,
    /// channel, branch) and value, with count, previousCount, change and changePercent.
    /// </summary>
    /// <param name="period">week (ISO weeks from Monday, the default), month or quarter; UTC.</param>
    /// <param name="from">First day (yyyy-mm-dd); the report starts with the period holding it. Default: 12 periods ending with to's.</param>
    /// <param name="to">Last day (yyyy-mm-dd); the report ends with the period holding it. Default: today. At most 104 weeks, 36 months or 20 quarters in all.</param>
    /// <param name="branch">Count only this branch's interactions.</param>
    /// <param name="format">json (the default) or csv.</param>
    public static async Task<Results<Ok<NeedsReportResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken,
        string? period = null,
        string? from = null,
        string? to = null,
        string? branch = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = ReportRequest.TryRead(http.Request, tenant, clock, period, from, to, branch, format, errors);
        if (request is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.RefusedFor(tenant) is { } refused)
        {
            return refused;
        }

        var (range, scope) = (request.Range, request.Branch);
        // Run before the response starts, so a failing query is still a problem response rather than a cut-off file.
        var query = await NeedsReportQuery.RunAsync(db, tenant.TenantId, range, scope, cancellationToken);
        if (request.WantsCsv)
        {
            http.Response.RegisterForDisposeAsync(query);
            return request.CsvFile("needs", body => NeedsReportCsv.WriteAsync(query.ReadAsync(http.RequestAborted), range.Period, body, http.RequestAborted));
        }

        var rows = new List<NeedsReportRow>();
        await using (query)
        {
            await foreach (var row in query.ReadAsync(cancellationToken))
            {
                rows.Add(row);
            }
        }

        return TypedResults.Ok(NeedsReportBuilder.Build(range, scope, rows));
    }
}
