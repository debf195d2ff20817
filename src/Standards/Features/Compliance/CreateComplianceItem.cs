using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Compliance;

public static class CreateComplianceItem
{
    public static RouteHandlerBuilder MapCreateComplianceItem(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("CreateComplianceItem").WithIdempotency<StandardsDbContext>();

    /// <summary>Adds a requirement to the business's compliance checklist.</summary>
    public static async Task<Results<Created<ComplianceItemResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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

        if (ComplianceEndpoints.CheckBranches(tenant, details.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow();
        var item = ComplianceItem.Create(tenant.TenantId, details, now);
        db.ComplianceItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(item.Version);
        return TypedResults.Created(ComplianceEndpoints.PathOf(item.Id), ComplianceItemResponse.From(item, now));
    }
}
