using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Loyalty.Features.Rewards;

public static class ArchiveReward
{
    public static RouteHandlerBuilder MapArchiveReward(this RouteGroupBuilder group) =>
        group.MapPost("/{rewardId:guid}/archive", HandleAsync).WithName("ArchiveReward");

    /// <summary>
    /// Retires the reward: no new redemptions, no more edits; past redemptions keep naming it and can still be voided.
    /// 409 <c>reward-archived</c> when it already is.
    /// </summary>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> HandleAsync(
        Guid rewardId,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (reward, problem) = await RewardEndpoints.FindForChangeAsync(db, tenant, rewardId, cancellationToken);
        if (reward is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow();
        reward.Archive(now);
        await db.SaveChangesAsync(cancellationToken);
        return RewardEndpoints.Ok(http, reward, now);
    }
}
