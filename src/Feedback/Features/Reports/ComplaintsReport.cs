using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NpgsqlTypes;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>
/// Complaint statistics per period and group, as JSON or CSV: counts, per 100 purchases, time to acknowledge and to
/// resolve (median and p90), recovery rate (of the customers who answered the follow-up survey) and approved compensation.
/// </summary>
public static class ComplaintsReport
{
    public static void MapComplaintsReport(this RouteGroupBuilder group) =>
        group.MapGet("/reports/complaints", GetAsync).WithName("GetComplaintsReport")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>The complaints report, JSON by default, CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    /// <param name="period">week (ISO weeks from Monday, the default), month or quarter; UTC.</param>
    /// <param name="from">First day (yyyy-mm-dd); the report starts with the period holding it. Default: 12 periods ending with to's.</param>
    /// <param name="to">Last day (yyyy-mm-dd); the report ends with the period holding it. Default: today.</param>
    /// <param name="by">total (default), category, rootCause, severity, channel or branch.</param>
    /// <param name="branch">Count only this branch's complaints; a branch-restricted key sees its own branch only.</param>
    /// <param name="format">json or csv; overrides the Accept header.</param>
    public static async Task<Results<Ok<ComplaintsReportResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken,
        string? period = null,
        string? from = null,
        string? to = null,
        string? by = null,
        string? branch = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = ReportRequest.TryRead(http.Request, tenant, clock, period, from, to, branch, format, errors);
        var grouping = ReadGrouping(by, errors);
        if (request is null || grouping is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.RefusedFor(tenant) is { } refused)
        {
            return refused;
        }

        var (range, scope) = (request.Range, request.Branch);

        var parameters = () => ReportSql.RangeParameters(tenant.TenantId, range)
            .Append(ReportSql.Parameter("branch", NpgsqlDbType.Text, scope));
        var complaints = await ReportSql.ReadAsync(db, ComplaintsSql(grouping.Value), parameters(), reader => new ComplaintGroupRow(
            reader.GetFieldValue<DateOnly>(0),
            WireGroup(grouping.Value, reader.GetString(1)),
            reader.GetInt64(2),
            ReportSql.NullableDouble(reader, 3),
            ReportSql.NullableDouble(reader, 4),
            ReportSql.NullableDouble(reader, 5),
            ReportSql.NullableDouble(reader, 6),
            reader.GetInt64(7),
            reader.GetInt64(8)), cancellationToken);
        var costs = await ReportSql.ReadAsync(db, CostsSql(grouping.Value), parameters(), reader => new CompensationCostRow(
            reader.GetFieldValue<DateOnly>(0),
            WireGroup(grouping.Value, reader.GetString(1)),
            reader.GetString(2),
            reader.GetDecimal(3)), cancellationToken);
        var purchases = grouping is ComplaintGrouping.Branch or ComplaintGrouping.Total
            ? await ReportSql.ReadAsync(db, PurchasesSql(grouping.Value), parameters(), reader => new PurchaseCountRow(
                reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)), cancellationToken)
            : [];
        var report = ComplaintsReportBuilder.Build(range, grouping.Value, scope, complaints, costs, purchases);
        return request.WantsCsv
            ? request.CsvFile(
                $"complaints-{WireNames.Of(grouping.Value)}",
                body => Csv.WriteAsync(ComplaintsReportCsv.Lines(report).ToAsyncEnumerable(), ComplaintsReportCsv.Header, line => line, body, http.RequestAborted))
            : TypedResults.Ok(report);
    }

    private static ComplaintGrouping? ReadGrouping(string? by, Dictionary<string, string[]> errors)
    {
        switch (by?.Trim().ToLowerInvariant())
        {
            case null or "" or "total":
                return ComplaintGrouping.Total;
            case "category":
                return ComplaintGrouping.Category;
            case "rootcause":
                return ComplaintGrouping.RootCause;
            case "severity":
                return ComplaintGrouping.Severity;
            case "channel":
                return ComplaintGrouping.Channel;
            case "branch":
                return ComplaintGrouping.Branch;
            default:
                errors["by"] = ["Use 'total', 'category', 'rootCause', 'severity', 'channel' or 'branch'."];
                return null;
        }
    }

    // Severity and channel are stored by their C# names; the API spells them in camelCase.
    private static string WireGroup(ComplaintGrouping by, string value) =>
        by is ComplaintGrouping.Severity or ComplaintGrouping.Channel ? WireNames.Of(value) : value;

    // The group expressions come from this switch, never from the request.
    private static string GroupColumn(ComplaintGrouping by) => by switch
    {
        ComplaintGrouping.Category => "c.category",
        ComplaintGrouping.RootCause => "coalesce(c.root_cause, 'none')",
        ComplaintGrouping.Severity => "c.severity",
        ComplaintGrouping.Channel => "c.channel",
        ComplaintGrouping.Branch => "c.branch",
        _ => "'all'",
    };

    // Acknowledged and resolved at the first such transition: a reopened case keeps its first answer time.
    private static string ComplaintsSql(ComplaintGrouping by) => $"""
        WITH scoped AS (
            SELECT date_trunc(@unit, c.received_at AT TIME ZONE 'UTC')::date AS period_start, {GroupColumn(by)} AS grp, c.recovered,
                   extract(epoch FROM (SELECT min(t.occurred_at) FROM complaint_transitions t
                                       WHERE t.tenant_id = c.tenant_id AND t.complaint_id = c.id AND t."to" = 'Acknowledged') - c.received_at)::float8 / 3600 AS ack_hours,
                   extract(epoch FROM (SELECT min(t.occurred_at) FROM complaint_transitions t
                                       WHERE t.tenant_id = c.tenant_id AND t.complaint_id = c.id AND t."to" = 'Resolved') - c.received_at)::float8 / 3600 AS resolve_hours
            FROM complaints c
            WHERE c.tenant_id = @tenant AND c.received_at >= @start_at AND c.received_at < @end_at
              AND (@branch::text IS NULL OR c.branch = @branch)
        )
        SELECT period_start, grp, count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_hours),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_hours),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY resolve_hours),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY resolve_hours),
               count(*) FILTER (WHERE recovered),
               count(recovered)
        FROM scoped
        GROUP BY 1, 2
        """;

    private static string CostsSql(ComplaintGrouping by) => $"""
        SELECT date_trunc(@unit, c.received_at AT TIME ZONE 'UTC')::date, {GroupColumn(by)}, coalesce(p.currency, 'points'), sum(p.amount)
        FROM compensations p
        JOIN complaints c ON c.id = p.complaint_id AND c.tenant_id = p.tenant_id
        WHERE p.tenant_id = @tenant AND p.status = 'Approved' AND c.received_at >= @start_at AND c.received_at < @end_at
          AND (@branch::text IS NULL OR c.branch = @branch)
        GROUP BY 1, 2, 3
        """;

    private static string PurchasesSql(ComplaintGrouping by) => $"""
        SELECT date_trunc(@unit, day::timestamp)::date, {(by == ComplaintGrouping.Branch ? "branch" : "'all'")}, sum(purchases)::bigint
        FROM purchase_days
        WHERE tenant_id = @tenant AND day >= @start_day AND day < @end_day AND (@branch::text IS NULL OR branch = @branch)
        GROUP BY 1, 2
        """;
}
