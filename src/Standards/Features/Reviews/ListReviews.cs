using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

public static class ListReviews
{
    public static RouteHandlerBuilder MapListReviews(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListReviews");

    /// <summary>The business's review actions, oldest first (a branch-restricted key sees its branch's only).</summary>
    /// <param name="status">open, changed, communicated or closed.</param>
    /// <param name="branch">A branch code.</param>
    /// <param name="overdue">true: only reviews still open after their due date; false: only the others.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ReviewPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? status = null,
        string? branch = null,
        string? overdue = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        ReviewStatus? statusOnly = null;
        if (status is not null)
        {
            statusOnly = Enum.GetValues<ReviewStatus>().Where(value => WireNames.Of(value) == status.Trim()).Cast<ReviewStatus?>().FirstOrDefault();
            if (statusOnly is null)
            {
                errors["status"] = ["open, changed, communicated or closed."];
            }
        }

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

        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > ReviewAction.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {ReviewAction.MaxBranchLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (branchCode is not null && !tenant.MayActFor(branchCode))
        {
            return Problems.OtherBranch(branchCode);
        }

        branchCode ??= tenant.Branch;
        var now = clock.GetUtcNow();
        var query = db.ReviewActions.AsNoTracking();
        if (statusOnly is { } wantedStatus)
        {
            query = query.Where(review => review.Status == wantedStatus);
        }

        if (branchCode is not null)
        {
            query = query.Where(review => review.Branch == branchCode);
        }

        if (overdueOnly is { } wanted)
        {
            // The rule of ReviewAction.IsOverdueOn, in SQL.
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            query = wanted
                ? query.Where(review => review.Status == ReviewStatus.Open && review.DueOn < today)
                : query.Where(review => !(review.Status == ReviewStatus.Open && review.DueOn < today));
        }

        if (after is { } position)
        {
            query = query.Where(review =>
                EF.Functions.GreaterThan(ValueTuple.Create(review.OpenedAt, review.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(review => review.OpenedAt).ThenBy(review => review.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].OpenedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new ReviewPageResponse(await ReviewReader.ReadAsync(db, page, now, cancellationToken), nextCursor));
    }
}
