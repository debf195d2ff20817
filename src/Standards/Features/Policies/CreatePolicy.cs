using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>A draft made from a shipped template; everything but the template is optional.</summary>
/// <param name="Template">The template's key (see GET /policy-templates).</param>
/// <param name="Title">The policy's title; the template's when omitted.</param>
/// <param name="Owner">Who answers for it; "Owner" when omitted, to be edited in the draft.</param>
/// <param name="EffectiveDate">The day it applies from; today when omitted.</param>
public sealed record CreatePolicyFromTemplateRequest(
    [property: Required, StringLength(Slugs.MaxLength, MinimumLength = 1)] string Template,
    [property: StringLength(PolicyContent.MaxTitleLength, MinimumLength = 1)] string? Title,
    [property: StringLength(PolicyContent.MaxOwnerLength, MinimumLength = 1)] string? Owner,
    DateOnly? EffectiveDate);

public static class CreatePolicy
{
    public static void MapCreatePolicy(this RouteGroupBuilder group)
    {
        group.MapPost("", HandleAsync).WithName("CreatePolicy").WithIdempotency<StandardsDbContext>();
        group.MapPost("/from-template", FromTemplateAsync).WithName("CreatePolicyFromTemplate").WithIdempotency<StandardsDbContext>();
    }

    /// <summary>Creates a policy with version 1 as a draft; publish it to put it in force. 409 when the area already has the title.</summary>
    public static async Task<Results<Created<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreatePolicyRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var content = PolicyRequests.Read(request, errors);
        var area = request.Area?.Trim() ?? "";
        await CheckAreaAsync(db, area, errors, cancellationToken);
        if (content is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await CreateAsync(db, tenant, clock, http, area, request.Title.Trim(), content, cancellationToken);
    }

    /// <summary>Creates a policy whose version 1 is a draft holding the template's text and clauses, to be edited before publishing.</summary>
    public static async Task<Results<Created<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> FromTemplateAsync(
        CreatePolicyFromTemplateRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (PolicyTemplates.Find(request.Template?.Trim() ?? "") is not { } template)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["template"] = [$"One of: {string.Join(", ", PolicyTemplates.All.Select(known => known.Key))}."],
            });
        }

        var effective = request.EffectiveDate ?? PolicyEndpoints.Today(clock);
        var content = new PolicyContent(
            template.Body, template.Clauses, effective, request.Owner?.Trim() is { Length: > 0 } owner ? owner : "Owner", effective.AddMonths(template.ReviewAfterMonths), []);
        var title = request.Title?.Trim() is { Length: > 0 } given ? given : template.Title;
        return await CreateAsync(db, tenant, clock, http, template.Area, title, content, cancellationToken);
    }

    internal static async Task CheckAreaAsync(StandardsDbContext db, string area, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(area))
        {
            errors["area"] = [Slugs.Rule];
        }
        else if (!PolicyAreas.IsBuiltIn(area) && !await db.PolicyAreas.AnyAsync(known => known.Key == area, cancellationToken))
        {
            errors["area"] = [$"No area '{area}': use a built-in area or add it first (POST /api/v1/standards/policy-areas)."];
        }
    }

    private static async Task<Results<Created<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, string area, string title, PolicyContent content, CancellationToken cancellationToken)
    {
        if (PolicyRequests.CheckBranches(tenant, content.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var (policy, draft) = Policy.Create(tenant.TenantId, area, title, content, clock.GetUtcNow());
        db.Policies.Add(policy);
        db.PolicyVersions.Add(draft);
        // A second policy with the same area and title hits the unique index: 409 duplicate.
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(draft.Version);
        return TypedResults.Created(PolicyEndpoints.PathOf(policy.Id, draft.Number), PolicyVersionResponse.From(policy, draft));
    }
}
