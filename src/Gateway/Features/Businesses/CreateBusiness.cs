using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Features.Businesses;

/// <summary>Creates a business.</summary>
/// <param name="Name">The business's name.</param>
public sealed record CreateBusinessRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name);

/// <summary>A new API key; <paramref name="Key"/> is shown this once and never again.</summary>
public sealed record IssuedApiKeyResponse(
    Guid Id, string Name, string Key, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string? Branch, DateTimeOffset? ExpiresAt)
{
    public static IssuedApiKeyResponse From(ApiKey key, string plainText) =>
        new(key.Id, key.Name, plainText, key.Scopes, key.CreatedAt, key.Branch, key.ExpiresAt);
}

public sealed record BusinessCreatedResponse(Guid BusinessId, string Name, DateTimeOffset CreatedAt, IssuedApiKeyResponse ApiKey);

public sealed record BusinessResponse(Guid BusinessId, string Name, DateTimeOffset CreatedAt);

public static class CreateBusiness
{
    public static void MapBusinesses(this IEndpointRouteBuilder app)
    {
        var businesses = app.MapGroup("/api/v1/businesses").WithTags("Businesses").AddEndpointFilter(OperatorKey.RequireAsync);
        businesses.MapPost("", HandleAsync).WithName("CreateBusiness");
        businesses.MapGet("/{id:guid}", GetAsync).WithName("GetBusiness");
    }

    /// <summary>Creates a business with its first (owner) key, which holds every scope.</summary>
    public static async Task<Created<BusinessCreatedResponse>> HandleAsync(
        CreateBusinessRequest request, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var business = Business.Create(request.Name, now);
        var (key, plainText) = ApiKey.Issue(business.Id, "Owner key", Scopes.All, branch: null, now);
        db.Businesses.Add(business);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/v1/businesses/{business.Id}",
            new BusinessCreatedResponse(business.Id, business.Name, business.CreatedAt,
                IssuedApiKeyResponse.From(key, plainText)));
    }

    public static async Task<Results<Ok<BusinessResponse>, ProblemHttpResult>> GetAsync(Guid id, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(business => business.Id == id, cancellationToken);
        return business is null
            ? Problems.NotFound("business", id)
            : TypedResults.Ok(new BusinessResponse(business.Id, business.Name, business.CreatedAt));
    }
}
