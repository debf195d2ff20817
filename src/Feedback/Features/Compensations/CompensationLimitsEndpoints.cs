using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>The most a role may grant of each type on its own authority.</summary>
/// <param name="Refund">Money in the business's currency, 0 or more, at most 4 decimal places.</param>
/// <param name="CreditNote">Money in the business's currency.</param>
/// <param name="Replacement">The value of replaced goods, in the business's currency.</param>
/// <param name="LoyaltyPoints">Whole goodwill points.</param>
public sealed record LimitsRequest(decimal? Refund, decimal? CreditNote, decimal? Replacement, decimal? LoyaltyPoints);

/// <summary>One of the business's own roles.</summary>
/// <param name="Role">The business's name for it (staff, supervisor, ...): 1 to 50 letters, digits, '-', '_' or '.'.</param>
/// <param name="Rank">0 to 1000, distinct per role; a higher rank outranks a lower and has no lower limits.</param>
/// <param name="Limits">What the role may grant alone.</param>
public sealed record RoleLimitsRequest(string? Role, int? Rank, LimitsRequest? Limits);

/// <summary>The business's whole authority table: it replaces the current one.</summary>
/// <param name="Roles">1 to 50 roles.</param>
/// <param name="Currency">The ISO 4217 currency of every money limit and of money compensation.</param>
public sealed record CompensationLimitsRequest(IReadOnlyList<RoleLimitsRequest?>? Roles, string? Currency);

/// <summary>A role's limits.</summary>
public sealed record LimitsResponse(decimal Refund, decimal CreditNote, decimal Replacement, long LoyaltyPoints);

/// <summary>A role with its rank and limits.</summary>
public sealed record RoleLimitsResponse(string Role, int Rank, LimitsResponse Limits);

/// <summary>The business's roles, lowest rank first; no roles and no currency until the business sets them.</summary>
public sealed record CompensationLimitsResponse(IReadOnlyList<RoleLimitsResponse> Roles, string? Currency);

/// <summary><c>/compensation-limits</c>: who may grant how much compensation without asking a higher role.</summary>
public static class CompensationLimitsEndpoints
{
    public static void MapCompensationLimits(this RouteGroupBuilder group)
    {
        group.MapGet("/compensation-limits", GetAsync).WithName("GetCompensationLimits")
            .WithSummary("The business's roles with their rank and compensation limits.");
        group.MapPut("/compensation-limits", ReplaceAsync).WithName("ReplaceCompensationLimits")
            .WithSummary("Replaces the business's roles and compensation limits; not with a branch-restricted key.");
    }

    public static async Task<Ok<CompensationLimitsResponse>> GetAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(db, cancellationToken));

    /// <summary>Replaces the table; pending compensation is decided against the limits in force when it is decided.</summary>
    public static async Task<Results<Ok<CompensationLimitsResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        CompensationLimitsRequest request, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        // Authority over money is the business's, not one branch's.
        if (tenant.Branch is not null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "A branch-restricted key cannot change the business's compensation limits.",
                type: ProblemTypes.Forbidden);
        }

        var errors = new Dictionary<string, string[]>();
        var drafts = request.Roles?
            .Select(role => role is null ? null : new RoleLimitsDraft(
                role.Role, role.Rank, role.Limits?.Refund, role.Limits?.CreditNote, role.Limits?.Replacement, role.Limits?.LoyaltyPoints))
            .ToList();
        var wanted = CompensationLimitRules.Check(request.Currency, drafts, errors);
        if (wanted is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var currency = request.Currency!;
        var current = await db.CompensationAuthorities.ToListAsync(cancellationToken);
        db.CompensationAuthorities.RemoveRange(current.Where(existing => wanted.All(role => role.Role != existing.Role)));
        foreach (var role in wanted)
        {
            if (current.FirstOrDefault(existing => existing.Role == role.Role) is { } existing)
            {
                existing.Change(role.Rank, currency, role.Limits);
            }
            else
            {
                db.CompensationAuthorities.Add(new CompensationAuthority(tenant.TenantId, role.Role, role.Rank, currency, role.Limits));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(db, cancellationToken));
    }

    /// <summary>The business's authority for the role, or null when it has no such role.</summary>
    public static Task<CompensationAuthority?> FindRoleAsync(FeedbackDbContext db, string role, CancellationToken cancellationToken)
    {
        var trimmed = role.Trim();
        return db.CompensationAuthorities.AsNoTracking().FirstOrDefaultAsync(authority => authority.Role == trimmed, cancellationToken);
    }

    private static async Task<CompensationLimitsResponse> ReadAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var roles = await db.CompensationAuthorities.AsNoTracking().OrderBy(authority => authority.Rank).ToListAsync(cancellationToken);
        return new CompensationLimitsResponse(
            [.. roles.Select(role => new RoleLimitsResponse(
                role.Role, role.Rank, new LimitsResponse(role.Limits.Refund, role.Limits.CreditNote, role.Limits.Replacement, role.Limits.LoyaltyPoints)))],
            roles.FirstOrDefault()?.Currency);
    }
}
