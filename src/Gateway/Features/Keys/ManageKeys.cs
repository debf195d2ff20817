using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Features.Businesses;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Features.Keys;

/// <summary>Creates an API key for the caller's business.</summary>
/// <param name="Name">What the key is for, e.g. "Till 3".</param>
/// <param name="Scopes">What it may do: any of the platform's scopes that the calling key holds itself.</param>
/// <param name="Branch">The branch it is restricted to; none for the whole business.</param>
/// <param name="ExpiresAt">When it stops working; never when omitted.</param>
public sealed record CreateApiKeyRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1)] IReadOnlyList<string> Scopes,
    [property: StringLength(50)] string? Branch,
    DateTimeOffset? ExpiresAt);

/// <summary>An API key as listed: never its secret.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string? Branch,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.Name, key.Scopes, key.Branch, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
}

/// <summary>The business's keys, oldest first.</summary>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Items);

/// <summary>
/// API keys of the caller's business, managed with a key holding <c>keys:manage</c>. Another business's key id
/// is a 404, as a missing one is. A key cannot create a key stronger than itself: no scope it lacks, and a
/// branch-restricted key only keys for its own branch.
/// </summary>
public static class ManageKeys
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/keys").WithTags("Keys").RequireApiKeyScope(Scopes.KeysManage);
        keys.MapPost("", CreateAsync).WithName("CreateApiKey");
        keys.MapGet("", ListAsync).WithName("ListApiKeys");
        keys.MapGet("/{id:guid}", GetAsync).WithName("GetApiKey");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey");
        keys.MapPost("/{id:guid}/rotate", RotateAsync).WithName("RotateApiKey");
    }

    public static async Task<Results<Created<IssuedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, HttpContext http, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["A name is required."];
        }

        var unknown = request.Scopes.Where(scope => !Scopes.All.Contains(scope, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors["scopes"] = [$"Unknown scopes: {string.Join(", ", unknown)}. Known: {string.Join(", ", Scopes.All)}."];
        }

        if (request.ExpiresAt <= now)
        {
            errors["expiresAt"] = ["An expiry must be in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var branch = string.IsNullOrWhiteSpace(request.Branch) ? caller.Branch : request.Branch.Trim();
        if (request.Scopes.Any(scope => !caller.Scopes.Contains(scope, StringComparer.Ordinal)))
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, "A key cannot grant scopes it does not hold itself.");
        }

        if (caller.Branch is not null && branch != caller.Branch)
        {
            return Problems.OtherBranch(branch!);
        }

        var (key, plainText) = ApiKey.Issue(caller.TenantId, request.Name, request.Scopes.Distinct(StringComparer.Ordinal), branch, now, request.ExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", IssuedApiKeyResponse.From(key, plainText));
    }

    public static async Task<Ok<ApiKeyListResponse>> ListAsync(HttpContext http, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(key => key.TenantId == caller.TenantId)
            .OrderBy(key => key.CreatedAt).ThenBy(key => key.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ApiKeyListResponse([.. keys.Select(ApiKeyResponse.From)]));
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db.ApiKeys.AsNoTracking(), cancellationToken);
        return key is null ? Problems.NotFound("API key", id) : TypedResults.Ok(ApiKeyResponse.From(key));
    }

    /// <summary>Revokes a key; it stops working on this gateway with the next request. Revoking twice is harmless.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, GatewayDbContext db, ApiKeyAuthenticator authenticator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db.ApiKeys, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("API key", id);
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Forget(key);
        return TypedResults.NoContent();
    }

    /// <summary>A new secret for the key's name, scopes, branch and expiry; the old secret stops working at once.</summary>
    public static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> RotateAsync(
        Guid id, HttpContext http, GatewayDbContext db, ApiKeyAuthenticator authenticator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db.ApiKeys, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("API key", id);
        }

        var (rotated, plainText) = key.Rotate(clock.GetUtcNow());
        db.ApiKeys.Add(rotated);
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Forget(key);
        return TypedResults.Created($"/api/v1/keys/{rotated.Id}", IssuedApiKeyResponse.From(rotated, plainText));
    }

    private static Task<ApiKey?> FindAsync(Guid id, HttpContext http, IQueryable<ApiKey> keys, CancellationToken cancellationToken)
    {
        var tenantId = http.Features.GetRequiredFeature<InternalCaller>().TenantId;
        return keys.FirstOrDefaultAsync(key => key.Id == id && key.TenantId == tenantId, cancellationToken);
    }
}
