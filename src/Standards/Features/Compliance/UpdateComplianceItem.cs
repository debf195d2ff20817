using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class UpdateComplianceItem
{
    public static RouteHandlerBuilder MapUpdateComplianceItem(this RouteGroupBuilder group) =>
        group.MapPut("/{itemId:guid}", HandleAsync).WithName("UpdateComplianceItem").RequiresIfMatch();

    /// <summary>
    /// Replaces the item's description (a field left out is cleared); needs <c>If-Match</c> with the ETag last read.
    /// Without <c>nextDueAt</c> the next check falls due a frequency after the last check. 409
    /// <c>compliance-item-archived</c> once archived.
    /// </summary>
    public static async Task<Results<Ok<ComplianceItemResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid itemId,
        ComplianceItemRequest request,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (ComplianceEndpoints.Read(request, errors) is not { } details)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (item, problem) = await ComplianceEndpoints.FindForChangeAsync(db, tenant, itemId, cancellationToken);
        if (item is null)
        {
            return problem!;
        }

        // The branches it would have, too: a branch key can neither take nor give away an item.
        if (ComplianceEndpoints.CheckBranches(tenant, details.Branches) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(item.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        if (item.Replace(details, now))
        {
            // xmin is the concurrency token: a change committed since the read above makes this a 412.
            await db.SaveChangesAsync(cancellationToken);
        }

        return ComplianceEndpoints.Ok(http, item, now);
    }
}
