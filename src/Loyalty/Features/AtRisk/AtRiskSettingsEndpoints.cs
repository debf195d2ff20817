using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>The business's at-risk rule; every field is required, the whole rule is replaced.</summary>
/// <param name="Factor">How many times their usual interval a customer may go without buying before they are at risk: more than 1, at most 100, at most 2 decimal places.</param>
/// <param name="MinPurchases">Purchases needed before a customer's rhythm counts: 2 to 1000.</param>
/// <param name="Enabled">Whether Loyalty looks for customers at risk and announces them.</param>
public sealed record AtRiskSettingsRequest(decimal? Factor, int? MinPurchases, bool? Enabled);

/// <summary>The business's at-risk rule (the defaults until it sets its own).</summary>
/// <param name="Factor">The overdue factor.</param>
/// <param name="MinPurchases">Purchases needed before a rhythm counts.</param>
/// <param name="Enabled">Whether at-risk customers are looked for and announced.</param>
/// <param name="UpdatedAt">When the business last changed it; null while it has the defaults.</param>
public sealed record AtRiskSettingsResponse(decimal Factor, int MinPurchases, bool Enabled, DateTimeOffset? UpdatedAt)
{
    public static AtRiskSettingsResponse Of(AtRiskSettings settings, bool stored) =>
        new(settings.Factor, settings.MinPurchases, settings.Enabled, stored ? settings.UpdatedAt : null);
}

/// <summary><c>/settings/at-risk</c>: when a customer counts as overdue against their own purchase rhythm.</summary>
public static class AtRiskSettingsEndpoints
{
    public static void MapAtRiskSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/settings/at-risk", GetAsync).WithName("GetAtRiskSettings")
            .WithSummary("The business's at-risk rule, with its ETag.");
        group.MapPut("/settings/at-risk", ReplaceAsync).WithName("ReplaceAtRiskSettings")
            .WithSummary("Replaces the business's at-risk rule; needs If-Match, and not a branch-restricted key.");
    }

    public static async Task<Ok<AtRiskSettingsResponse>> GetAsync(
        LoyaltyDbContext db, TenantContext tenant, HttpResponse response, CancellationToken cancellationToken)
    {
        var stored = await db.AtRiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var settings = stored ?? AtRiskSettings.Defaults(tenant.TenantId);
        response.Headers.ETag = ETags.From(settings.Version);
        return TypedResults.Ok(AtRiskSettingsResponse.Of(settings, stored is not null));
    }

    /// <summary>Replaces the rule; customers are judged by it from the worker's next pass and in the at-risk list at once.</summary>
    public static async Task<Results<Ok<AtRiskSettingsResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        AtRiskSettingsRequest request, LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        // The rule is the business's, not one branch's.
        if (tenant.Branch is not null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden, "A branch-restricted key cannot change the business's at-risk rule.", type: ProblemTypes.Forbidden);
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var stored = await db.AtRiskSettings.FirstOrDefaultAsync(cancellationToken);
        // Version 0 stands for "the defaults, never stored", so the first change is conditional like every other.
        if (ETags.CheckIfMatch(http.Request, ETags.From(stored?.Version ?? 0)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        if (stored is null)
        {
            stored = AtRiskSettings.Create(tenant.TenantId, request.Factor!.Value, request.MinPurchases!.Value, request.Enabled!.Value, now);
            db.AtRiskSettings.Add(stored);
        }
        else
        {
            stored.Change(request.Factor!.Value, request.MinPurchases!.Value, request.Enabled!.Value, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = ETags.From(stored.Version);
        return TypedResults.Ok(AtRiskSettingsResponse.Of(stored, stored: true));
    }

    private static Dictionary<string, string[]> Validate(AtRiskSettingsRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Factor is not { } factor || factor <= 1m || factor > AtRiskSettings.MaxFactor || decimal.Round(factor, 2) != factor)
        {
            errors["factor"] = [$"Required: a number more than 1 and at most {AtRiskSettings.MaxFactor}, with at most 2 decimal places."];
        }

        if (request.MinPurchases is not { } minPurchases || minPurchases < 2 || minPurchases > AtRiskSettings.MaxMinPurchases)
        {
            errors["minPurchases"] = [$"Required: a whole number from 2 to {AtRiskSettings.MaxMinPurchases}."];
        }

        if (request.Enabled is null)
        {
            errors["enabled"] = ["Required: true or false."];
        }

        return errors;
    }
}
