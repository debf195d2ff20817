using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Rewards;

public static class ListRewards
{
    public static RouteHandlerBuilder MapListRewards(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListRewards");

    /// <summary>The business's rewards, oldest first.</summary>
    /// <param name="active">true: only those redeemable now (active, within their window); false: only the others.</param>
    /// <param name="branch">A branch code: the rewards offered there (naming it, or offered everywhere).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<RewardPageResponse>, ValidationProblem>> HandleAsync(
        LoyaltyDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? active = null,
        string? branch = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        bool? activeOnly = null;
        if (active is not null)
        {
            if (bool.TryParse(active, out var flag))
            {
                activeOnly = flag;
            }
            else
            {
                errors["active"] = ["true or false."];
            }
        }

        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > RewardDetails.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {RewardDetails.MaxBranchLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var query = db.Rewards.AsNoTracking();
        if (activeOnly is { } wanted)
        {
            query = query.Where(reward =>
                (reward.Status == RewardStatus.Active
                 && (reward.ActiveFrom == null || reward.ActiveFrom <= now)
                 && (reward.ActiveTo == null || reward.ActiveTo > now)) == wanted);
        }

        if (branchCode is not null)
        {
            query = query.Where(reward => reward.Branches == null || reward.Branches.Contains(branchCode));
        }

        if (after is { } position)
        {
            query = query.Where(reward =>
                EF.Functions.GreaterThan(ValueTuple.Create(reward.CreatedAt, reward.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderBy(reward => reward.CreatedAt)
            .ThenBy(reward => reward.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new RewardPageResponse([.. page.Select(reward => RewardResponse.From(reward, now))], nextCursor));
    }
}
