using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class ListComplianceItems
{
    public static RouteHandlerBuilder MapListComplianceItems(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListComplianceItems");

    /// <summary>The business's compliance checklist, oldest first, each item flagged when overdue.</summary>
    /// <param name="overdue">true: only items whose next check is past due; false: only those that are not.</param>
    /// <param name="category">consumerGuarantees, fairTrading, privacy, healthAndSafety or other.</param>
    /// <param name="branch">A branch code: the items naming it, and those naming no branch (meant for every branch).</param>
    /// <param name="status">active (default), archived or all.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ComplianceItemPageResponse>, ValidationProblem>> HandleAsync(
        StandardsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? overdue = null,
        string? category = null,
        string? branch = null,
        string? status = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        bool? overdueOnly = null;
        if (overdue is not null)
        {
            if (bool.TryParse(overdue, out var flag))
            {
                overdueOnly = flag;
            }
            else
            {
                errors["overdue"] = ["true or false."];
            }
        }

        ComplianceCategory? categoryOnly = null;
        if (category is not null)
        {
            categoryOnly = Enum.GetValues<ComplianceCategory>()
                .Where(value => WireNames.Of(value) == category.Trim())
                .Cast<ComplianceCategory?>()
                .FirstOrDefault();
            if (categoryOnly is null)
            {
                errors["category"] = ["consumerGuarantees, fairTrading, privacy, healthAndSafety or other."];
            }
        }

        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > ComplianceItemDetails.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {ComplianceItemDetails.MaxBranchLength} characters."];
        }

        if (status is not (null or "active" or "archived" or "all"))
        {
            errors["status"] = ["active, archived or all."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var query = db.ComplianceItems.AsNoTracking();
        query = status switch
        {
            "archived" => query.Where(item => item.ArchivedAt != null),
            "all" => query,
            _ => query.Where(item => item.ArchivedAt == null),
        };
        if (overdueOnly is { } wanted)
        {
            // The rule of ComplianceItem.IsOverdueAt, in SQL.
            query = wanted
                ? query.Where(item => item.ArchivedAt == null && item.NextDueAt < now)
                : query.Where(item => !(item.ArchivedAt == null && item.NextDueAt < now));
        }

        if (categoryOnly is { } kind)
        {
            query = query.Where(item => item.Category == kind);
        }

        if (branchCode is not null)
        {
            query = query.Where(item => item.Branches.Count == 0 || item.Branches.Contains(branchCode));
        }

        if (after is { } position)
        {
            query = query.Where(item =>
                EF.Functions.GreaterThan(ValueTuple.Create(item.CreatedAt, item.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(item => item.CreatedAt).ThenBy(item => item.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new ComplianceItemPageResponse([.. page.Select(item => ComplianceItemResponse.From(item, now))], nextCursor));
    }
}
