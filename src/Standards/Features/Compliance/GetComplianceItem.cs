using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class GetComplianceItem
{
    public static RouteHandlerBuilder MapGetComplianceItem(this RouteGroupBuilder group) =>
        group.MapGet("/{itemId:guid}", HandleAsync).WithName("GetComplianceItem");

    /// <summary>The item, whether it is overdue, and its ETag for a change.</summary>
    public static async Task<Results<Ok<ComplianceItemResponse>, ProblemHttpResult>> HandleAsync(
        Guid itemId, StandardsDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var item = await db.ComplianceItems.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == itemId, cancellationToken);
        return item is null ? ComplianceEndpoints.NotFound(itemId) : ComplianceEndpoints.Ok(http, item, clock.GetUtcNow());
    }
}
