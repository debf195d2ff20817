using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class ListComplianceChecks
{
    public static void MapListComplianceChecks(this RouteGroupBuilder group)
    {
        group.MapGet("/{itemId:guid}/checks", HandleAsync).WithName("ListComplianceChecks");
        group.MapGet("/{itemId:guid}/checks/{checkId:guid}", GetAsync).WithName("GetComplianceCheck");
    }

    /// <summary>The item's checks and their evidence, in the order they were made.</summary>
    /// <param name="itemId">The compliance item's id.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ComplianceCheckPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid itemId, StandardsDbContext db, CancellationToken cancellationToken, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.ComplianceItems.AnyAsync(item => item.Id == itemId, cancellationToken))
        {
            return ComplianceEndpoints.NotFound(itemId);
        }

        var query = db.ComplianceChecks.AsNoTracking().Where(check => check.ItemId == itemId);
        if (after is { } position)
        {
            query = query.Where(check =>
                EF.Functions.GreaterThan(ValueTuple.Create(check.CheckedAt, check.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(check => check.CheckedAt).ThenBy(check => check.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CheckedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new ComplianceCheckPageResponse([.. page.Select(ComplianceCheckResponse.From)], nextCursor));
    }

    /// <summary>One check and its evidence.</summary>
    public static async Task<Results<Ok<ComplianceCheckResponse>, ProblemHttpResult>> GetAsync(
        Guid itemId, Guid checkId, StandardsDbContext db, CancellationToken cancellationToken)
    {
        var check = await db.ComplianceChecks.AsNoTracking()
            .FirstOrDefaultAsync(candidate => candidate.Id == checkId && candidate.ItemId == itemId, cancellationToken);
        return check is null
            ? ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, $"No check {checkId} of compliance item {itemId} exists.", type: ProblemTypes.NotFound)
            : TypedResults.Ok(ComplianceCheckResponse.From(check));
    }
}
