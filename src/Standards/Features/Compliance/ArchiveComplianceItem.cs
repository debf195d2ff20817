using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class ArchiveComplianceItem
{
    public static RouteHandlerBuilder MapArchiveComplianceItem(this RouteGroupBuilder group) =>
        group.MapPost("/{itemId:guid}/archive", HandleAsync).WithName("ArchiveComplianceItem").RequiresIfMatch();

    /// <summary>
    /// Retires the item instead of deleting it: no more checks, edits or overdue flags; it and its evidence stay readable
    /// and in the evidence packs of the periods it was live. Needs <c>If-Match</c>. 409 <c>compliance-item-archived</c> when it already is.
    /// </summary>
    public static async Task<Results<Ok<ComplianceItemResponse>, ProblemHttpResult>> HandleAsync(
        Guid itemId,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (item, problem) = await ComplianceEndpoints.FindForChangeAsync(db, tenant, itemId, cancellationToken);
        if (item is null)
        {
            return problem!;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(item.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        item.Archive(now);
        await db.SaveChangesAsync(cancellationToken);
        return ComplianceEndpoints.Ok(http, item, now);
    }
}
