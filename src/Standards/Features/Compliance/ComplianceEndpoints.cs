using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>The compliance checklist routes, and what their handlers share.</summary>
public static class ComplianceEndpoints
{
    public const string BasePath = "/api/v1/standards/compliance-items";

    public static void MapCompliance(this RouteGroupBuilder standards)
    {
        var items = standards.MapGroup("/compliance-items").WithTags("Compliance");
        items.MapCreateComplianceItem();
        items.MapListComplianceItems();
        items.MapGetComplianceItem();
        items.MapUpdateComplianceItem();
        items.MapArchiveComplianceItem();
        items.MapRecordComplianceCheck();
        items.MapListComplianceChecks();
        standards.MapEvidencePack();
    }

    internal static string PathOf(Guid itemId) => $"{BasePath}/{itemId}";

    /// <summary>The trimmed details, or null with <paramref name="errors"/> filled (JSON paths) when they break a rule.</summary>
    internal static ComplianceItemDetails? Read(ComplianceItemRequest request, Dictionary<string, string[]> errors)
    {
        var details = new ComplianceItemDetails(
            request.Title.Trim(),
            request.Category!.Value,
            Optional(request.CustomCategory),
            request.Source.Name.Trim(),
            Optional(request.Source.Section),
            Optional(request.Source.Url),
            request.Owner.Trim(),
            request.FrequencyMonths,
            // PostgreSQL's timestamptz takes UTC only; the instant is the same.
            request.NextDueAt?.ToUniversalTime(),
            [.. (request.Branches ?? []).Select(branch => branch?.Trim() ?? "").Distinct(StringComparer.Ordinal)],
            Optional(request.Notes));
        foreach (var (field, messages) in details.Check())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? null : details;
    }

    /// <summary>
    /// 403 unless the caller may act for every branch the item applies to: a branch-restricted key may only manage its
    /// own branch's items, never one meant for every branch.
    /// </summary>
    internal static ProblemHttpResult? CheckBranches(TenantContext tenant, IReadOnlyList<string> branches)
    {
        if (tenant.Branch is null)
        {
            return null;
        }

        if (branches.Count == 0)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "This API key is restricted to a branch.",
                "An item for every branch can only be managed with a key for the whole business; name the key's branch in branches.",
                ProblemTypes.Forbidden);
        }

        return branches.FirstOrDefault(branch => !tenant.MayActFor(branch)) is { } other ? Problems.OtherBranch(other) : null;
    }

    /// <summary>The item a change is about, or the problem that stops it: 404 when the business has no such item, 403 for another branch's.</summary>
    internal static async Task<(ComplianceItem? Item, ProblemHttpResult? Problem)> FindForChangeAsync(
        StandardsDbContext db, TenantContext tenant, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.ComplianceItems.FirstOrDefaultAsync(candidate => candidate.Id == itemId, cancellationToken);
        if (item is null)
        {
            return (null, NotFound(itemId));
        }

        return CheckBranches(tenant, item.Branches) is { } forbidden ? (null, forbidden) : (item, null);
    }

    internal static ProblemHttpResult NotFound(Guid itemId) => Problems.NotFound("compliance item", itemId);

    internal static Ok<ComplianceItemResponse> Ok(HttpContext http, ComplianceItem item, DateTimeOffset now)
    {
        http.Response.Headers.ETag = ETags.From(item.Version);
        return TypedResults.Ok(ComplianceItemResponse.From(item, now));
    }

    // Blank optional text is the same as none, so "" never reaches the rules as a value.
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
