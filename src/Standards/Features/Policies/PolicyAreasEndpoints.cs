using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>An area the business adds beside the built-in ones.</summary>
/// <param name="Key">Lower-case words joined by hyphens, e.g. home-visits.</param>
/// <param name="Name">What the business calls it, 1 to 100 characters.</param>
public sealed record AddPolicyAreaRequest(
    [property: Required, StringLength(Slugs.MaxLength, MinimumLength = 1)] string Key,
    [property: Required, StringLength(PolicyArea.MaxNameLength, MinimumLength = 1)] string Name);

/// <summary>A policy area; built-in ones every business has.</summary>
public sealed record PolicyAreaResponse(string Key, string Name, bool BuiltIn);

/// <summary>Every area the business can file policies under.</summary>
public sealed record PolicyAreaListResponse(IReadOnlyList<PolicyAreaResponse> Items);

public static class PolicyAreasEndpoints
{
    public static void MapPolicyAreas(this RouteGroupBuilder standards)
    {
        var areas = standards.MapGroup("/policy-areas").WithTags("Policies");
        areas.MapGet("", ListAsync).WithName("ListPolicyAreas");
        areas.MapPost("", AddAsync).WithName("AddPolicyArea").WithIdempotency<StandardsDbContext>();
    }

    /// <summary>The built-in areas, then the business's own in the order it added them.</summary>
    public static async Task<Ok<PolicyAreaListResponse>> ListAsync(StandardsDbContext db, CancellationToken cancellationToken)
    {
        var own = await db.PolicyAreas.AsNoTracking().OrderBy(area => area.CreatedAt).ThenBy(area => area.Key).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PolicyAreaListResponse(
        [
            .. PolicyAreas.BuiltIn.Select(area => new PolicyAreaResponse(area.Key, area.Name, true)),
            .. own.Select(area => new PolicyAreaResponse(area.Key, area.Name, false)),
        ]));
    }

    /// <summary>Adds an area. 409 <c>policy-area-built-in</c> for a built-in key, 409 <c>duplicate</c> for one already added.</summary>
    public static async Task<Results<Created<PolicyAreaResponse>, ValidationProblem>> AddAsync(
        AddPolicyAreaRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = request.Key?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!Slugs.IsValid(key))
        {
            errors["key"] = [Slugs.Rule];
        }

        if (name.Length is 0 or > PolicyArea.MaxNameLength)
        {
            errors["name"] = [$"1 to {PolicyArea.MaxNameLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var area = PolicyArea.Add(tenant.TenantId, key, name, clock.GetUtcNow());
        db.PolicyAreas.Add(area);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/standards/policy-areas/{key}", new PolicyAreaResponse(area.Key, area.Name, false));
    }
}
