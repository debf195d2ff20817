using System.Globalization;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class EvidencePack
{
    public static void MapEvidencePack(this RouteGroupBuilder group) =>
        group.MapGet("/reports/compliance-evidence", GetAsync).WithName("GetComplianceEvidencePack").WithTags("Compliance")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>
    /// The evidence pack for a period: every item live in it, the checks made in it, and the items overdue at its end.
    /// JSON by default, CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.
    /// </summary>
    /// <param name="from">First day (yyyy-mm-dd, UTC), with to.</param>
    /// <param name="to">Last day (yyyy-mm-dd, UTC), with from; at most five years after it.</param>
    /// <param name="month">Instead of from and to: a calendar month (yyyy-mm).</param>
    /// <param name="quarter">Instead of from and to: a calendar quarter (yyyy-Qn).</param>
    /// <param name="branch">Only the items naming this branch and those for every branch; a branch-restricted key gets its own branch's.</param>
    /// <param name="format">json or csv; overrides the Accept header.</param>
    public static async Task<Results<Ok<EvidencePackResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken,
        string? from = null,
        string? to = null,
        string? month = null,
        string? quarter = null,
        string? branch = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var period = EvidencePackPeriod.TryRead(from, to, month, quarter, errors);
        var csv = ReportFormat.WantsCsv(http.Request, format, errors);
        var scope = string.IsNullOrWhiteSpace(branch) ? tenant.Branch : branch.Trim();
        if (scope is { Length: > ComplianceItemDetails.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {ComplianceItemDetails.MaxBranchLength} characters."];
        }

        if (period is null || csv is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (scope is not null && !tenant.MayActFor(scope))
        {
            return Problems.OtherBranch(scope);
        }

        var pack = await BuildAsync(db, period, scope, clock.GetUtcNow(), cancellationToken);
        return csv.Value
            ? TypedResults.Stream(
                body => Csv.WriteAsync(EvidencePackCsv.Lines(pack).ToAsyncEnumerable(), EvidencePackCsv.Header, line => line, body, http.RequestAborted),
                Csv.ContentType,
                string.Create(CultureInfo.InvariantCulture, $"compliance-evidence-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"))
            : TypedResults.Ok(pack);
    }

    private static async Task<EvidencePackResponse> BuildAsync(
        StandardsDbContext db, EvidencePackPeriod period, string? branch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var asOf = end < now ? end : now;
        var itemQuery = db.ComplianceItems.AsNoTracking().Where(item => item.CreatedAt < end && (item.ArchivedAt == null || item.ArchivedAt >= start));
        if (branch is not null)
        {
            itemQuery = itemQuery.Where(item => item.Branches.Count == 0 || item.Branches.Contains(branch));
        }

        var items = await itemQuery.OrderBy(item => item.CreatedAt).ThenBy(item => item.Id).ToListAsync(cancellationToken);
        var checks = (await db.ComplianceChecks.AsNoTracking()
                .Where(check => check.CheckedAt >= start && check.CheckedAt < end)
                .OrderBy(check => check.CheckedAt).ThenBy(check => check.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(check => check.ItemId);
        // What each item was due at as of the end: the due time the last check before then set (checks keep it).
        var dueByLastCheck = await db.ComplianceChecks.AsNoTracking()
            .Where(check => check.CheckedAt < asOf)
            .GroupBy(check => check.ItemId)
            .Select(checksOfItem => new
            {
                ItemId = checksOfItem.Key,
                checksOfItem.OrderByDescending(check => check.CheckedAt).ThenByDescending(check => check.Id).First().NextDueAt,
            })
            .ToDictionaryAsync(last => last.ItemId, last => last.NextDueAt, cancellationToken);

        var packItems = items.Select(item =>
        {
            var dueAtEnd = dueByLastCheck.TryGetValue(item.Id, out var due) ? due : item.FirstDueAt;
            var live = item.CreatedAt < asOf && (item.ArchivedAt is null || item.ArchivedAt >= asOf);
            return new EvidencePackItemResponse(
                item.Id,
                item.Title,
                item.Category,
                item.CustomCategory,
                new ComplianceSourceResponse(item.SourceName, item.SourceSection, item.SourceUrl),
                item.Owner,
                item.Branches,
                dueAtEnd,
                live && dueAtEnd < asOf,
                item.ArchivedAt,
                [.. checks[item.Id].Select(ComplianceCheckResponse.From)]);
        }).ToList();
        return new EvidencePackResponse(
            period.From,
            period.To,
            asOf,
            branch,
            packItems.Sum(item => item.Checks.Count),
            packItems.Count(item => item.OverdueAtEnd),
            packItems);
    }
}
