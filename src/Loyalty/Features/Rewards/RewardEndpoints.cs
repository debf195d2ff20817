using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Rewards;

/// <summary>The rewards catalogue routes, and what their handlers share.</summary>
public static class RewardEndpoints
{
    public const string BasePath = "/api/v1/loyalty/rewards";

    public static void MapRewards(this RouteGroupBuilder loyalty)
    {
        var rewards = loyalty.MapGroup("/rewards").WithTags("Rewards");
        rewards.MapCreateReward();
        rewards.MapListRewards();
        rewards.MapGetReward();
        rewards.MapUpdateReward();
        rewards.MapArchiveReward();
    }

    internal static string PathOf(Guid rewardId) => $"{BasePath}/{rewardId}";

    /// <summary>
    /// 403 unless the caller may act for every branch the reward is offered at: a branch-restricted key may only
    /// manage its own branch's rewards, never one offered everywhere.
    /// </summary>
    internal static ProblemHttpResult? CheckBranches(TenantContext tenant, IReadOnlyList<string>? branches)
    {
        if (tenant.Branch is null)
        {
            return null;
        }

        if (branches is null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "This API key is restricted to a branch.",
                "A reward for every branch can only be managed with a key for the whole business; name the key's branch in branches.",
                ProblemTypes.Forbidden);
        }

        return branches.FirstOrDefault(branch => !tenant.MayActFor(branch)) is { } other ? Problems.OtherBranch(other) : null;
    }

    /// <summary>The reward a change is about, or the problem that stops it (404 unknown, 403 another branch's).</summary>
    internal static async Task<(Reward? Reward, ProblemHttpResult? Problem)> FindForChangeAsync(
        LoyaltyDbContext db, TenantContext tenant, Guid rewardId, CancellationToken cancellationToken)
    {
        var reward = await db.Rewards.FirstOrDefaultAsync(candidate => candidate.Id == rewardId, cancellationToken);
        if (reward is null)
        {
            return (null, Problems.NotFound("reward", rewardId));
        }

        return CheckBranches(tenant, reward.Branches) is { } forbidden ? (null, forbidden) : (reward, null);
    }

    internal static Ok<RewardResponse> Ok(HttpContext http, Reward reward, DateTimeOffset now)
    {
        http.Response.Headers.ETag = ETags.From(reward.Version);
        return TypedResults.Ok(RewardResponse.From(reward, now));
    }
}
