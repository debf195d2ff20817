using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class RecordComplianceCheck
{
    public static RouteHandlerBuilder MapRecordComplianceCheck(this RouteGroupBuilder group) =>
        group.MapPost("/{itemId:guid}/checks", HandleAsync).WithName("RecordComplianceCheck").WithIdempotency<StandardsDbContext>();

    /// <summary>
    /// Records a check with its evidence. The latest check sets the item's last checked time and its next due time
    /// (nextDueAt, or checkedAt plus the frequency), which ends an overdue state; a check reported later than a newer
    /// one is kept as evidence only. 409 <c>compliance-item-archived</c> once archived.
    /// </summary>
    public static async Task<Results<Created<ComplianceCheckResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid itemId,
        ComplianceCheckRequest request,
        StandardsDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var details = new ComplianceCheckDetails(
            request.CheckedAt?.ToUniversalTime() ?? now,
            request.CheckedBy.Trim(),
            request.Outcome!.Value,
            request.Description.Trim(),
            [.. (request.Links ?? []).Select(link => link?.Trim() ?? "")],
            request.NextDueAt?.ToUniversalTime());
        var errors = details.Check(now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (item, problem) = await ComplianceEndpoints.FindForChangeAsync(db, tenant, itemId, cancellationToken);
        if (item is null)
        {
            return problem!;
        }

        var check = item.RecordCheck(details, now);
        db.ComplianceChecks.Add(check);
        // Two checks racing on one item: xmin makes the second a 412 rather than a lost schedule update.
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(item.Version);
        return TypedResults.Created($"{ComplianceEndpoints.PathOf(item.Id)}/checks/{check.Id}", ComplianceCheckResponse.From(check));
    }
}
