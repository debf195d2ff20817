using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Rewards;

public static class GetReward
{
    public static RouteHandlerBuilder MapGetReward(this RouteGroupBuilder group) =>
        group.MapGet("/{rewardId:guid}", HandleAsync).WithName("GetReward");

    /// <summary>A reward with its ETag (send it as If-Match to change the reward).</summary>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> HandleAsync(
        Guid rewardId, LoyaltyDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var reward = await db.Rewards.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == rewardId, cancellationToken);
        if (reward is null)
        {
            return Problems.NotFound("reward", rewardId);
        }

        return RewardEndpoints.Ok(http, reward, clock.GetUtcNow());
    }
}
