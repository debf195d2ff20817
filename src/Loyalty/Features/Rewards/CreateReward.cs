using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Loyalty.Features.Rewards;

public static class CreateReward
{
    public static RouteHandlerBuilder MapCreateReward(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("CreateReward").WithIdempotency<LoyaltyDbContext>();

    /// <summary>Adds a reward to the catalogue, active at once (within its active window).</summary>
    public static async Task<Results<Created<RewardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RewardRequest request,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Read(errors) is not { } details)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (RewardEndpoints.CheckBranches(tenant, details.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow();
        var reward = Reward.Create(tenant.TenantId, details, now);
        db.Rewards.Add(reward);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(reward.Version);
        return TypedResults.Created(RewardEndpoints.PathOf(reward.Id), RewardResponse.From(reward, now));
    }
}
