using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Loyalty.Features.Rewards;

public static class UpdateReward
{
    public static RouteHandlerBuilder MapUpdateReward(this RouteGroupBuilder group) =>
        group.MapPut("/{rewardId:guid}", HandleAsync).WithName("UpdateReward").RequiresIfMatch();

    /// <summary>
    /// Replaces the reward's content (a field left out is cleared); needs If-Match with the ETag last read. Stock is
    /// set as sent: a redemption since that read changed the ETag, so the update answers 412 rather than undo it.
    /// 409 <c>reward-archived</c> once archived.
    /// </summary>
    public static async Task<Results<Ok<RewardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid rewardId,
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

        var (reward, problem) = await RewardEndpoints.FindForChangeAsync(db, tenant, rewardId, cancellationToken);
        if (reward is null)
        {
            return problem!;
        }

        // The branches it would have, too: a branch key can neither take nor give away a reward.
        if (RewardEndpoints.CheckBranches(tenant, details.Branches) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(reward.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        reward.Replace(details, now);
        // xmin is the concurrency token: a change committed since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        return RewardEndpoints.Ok(http, reward, now);
    }
}
