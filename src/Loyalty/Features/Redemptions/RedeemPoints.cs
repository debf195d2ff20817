using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

/// <summary>Spends points: either on a reward of the catalogue, or as a discount. Send rewardId or points, not both.</summary>
/// <param name="Branch">Code of the branch where it is redeemed.</param>
/// <param name="RewardId">The reward to redeem.</param>
/// <param name="Quantity">Units of the reward, 1 to 100; 1 when omitted. Only with rewardId.</param>
/// <param name="Points">Points to take as a discount, any part of the spendable balance. Only without rewardId.</param>
public sealed record RedeemPointsRequest(
    [property: Required, StringLength(RewardDetails.MaxBranchLength, MinimumLength = 1)] string Branch,
    Guid? RewardId,
    [property: Range(1, RedeemPoints.MaxQuantity)] int? Quantity,
    [property: Range(1, RewardDetails.MaxCostPoints)] long? Points);

public static class RedeemPoints
{
    public const int MaxQuantity = 100;

    public static RouteHandlerBuilder MapRedeemPoints(this RouteGroupBuilder group) =>
        group.MapPost("/accounts/{customerId:guid}/redemptions", HandleAsync)
            .WithName("RedeemPoints")
            .WithTags("Redemptions")
            .AddEndpointFilter<AccountTurnFilter>()
            .WithIdempotency<LoyaltyDbContext>();

    /// <summary>
    /// 201 with the redemption and its code. 422 <c>insufficient-points</c> beyond the spendable balance (pending points
    /// do not count), 422 <c>reward-not-available</c> (archived, outside its window, or not at this branch),
    /// 409 <c>reward-out-of-stock</c>, 409 <c>reward-limit-reached</c>.
    /// </summary>
    public static async Task<Results<Created<RedemptionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        RedeemPointsRequest request,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var branch = request.Branch.Trim();
        if (!tenant.MayActFor(branch))
        {
            return Problems.OtherBranch(branch);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Created<RedemptionResponse>, ValidationProblem, ProblemHttpResult>>(async () =>
        {
            // Under the idempotency filter the request already runs in its transaction; otherwise this one holds the locks.
            var ownTransaction = db.Database.CurrentTransaction is null;
            if (ownTransaction)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await RedemptionEndpoints.LockAccountAsync(db, tenant.TenantId, customerId, cancellationToken);
            var account = await db.Accounts.FirstOrDefaultAsync(account => account.CustomerId == customerId, cancellationToken);
            if (account is null)
            {
                return Problems.NotFound("loyalty account for customer", customerId);
            }

            var now = clock.GetUtcNow();
            Reward? reward = null;
            var quantity = request.Quantity ?? 1;
            long points;
            if (request.RewardId is { } rewardId)
            {
                reward = await db.Rewards.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == rewardId, cancellationToken);
                if (reward is null)
                {
                    return Problems.NotFound("reward", rewardId);
                }

                // Counted under the account lock, so one customer's parallel redemptions cannot both fit the limit.
                var alreadyRedeemed = await db.Redemptions
                    .Where(past => past.AccountId == account.Id && past.RewardId == rewardId && past.Status == RedemptionStatus.Completed)
                    .SumAsync(past => (long?)past.Quantity, cancellationToken) ?? 0;
                points = reward.PriceFor(quantity, branch, alreadyRedeemed, now);
            }
            else
            {
                points = request.Points!.Value;
            }

            var pending = await db.LedgerEntries
                .Where(entry => entry.AccountId == account.Id && entry.Points > 0 && entry.AvailableAt > now)
                .SumAsync(entry => (long?)entry.Points, cancellationToken) ?? 0;
            SpendableBalance.EnsureCovers(account.Balance, pending, points);
            var (redemption, entry) = Redemption.Spend(account, points, branch, reward, quantity, now);
            if (reward?.Stock is not null && !await RedemptionEndpoints.TakeStockAsync(db, tenant.TenantId, reward.Id, quantity, cancellationToken))
            {
                throw reward.OutOfStock();
            }

            db.Redemptions.Add(redemption);
            db.LedgerEntries.Add(entry);
            EnqueueEvents(db, account, redemption, entry, reward, now);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            LoyaltyTelemetry.RecordPosting(entry);
            return TypedResults.Created(RedemptionEndpoints.PathOf(redemption.Id), RedemptionResponse.From(redemption));
        });
    }

    private static Dictionary<string, string[]> Validate(RedeemPointsRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Branch))
        {
            errors["branch"] = ["The branch code where the points are redeemed."];
        }

        if (request.RewardId is null == request.Points is null)
        {
            errors[request.RewardId is null ? "points" : "rewardId"] = ["Send either rewardId (with an optional quantity) or points, not both."];
        }
        else if (request.RewardId is null && request.Quantity is not null)
        {
            errors["quantity"] = ["A quantity goes with a rewardId; a points discount has none."];
        }

        return errors;
    }

    private static void EnqueueEvents(
        LoyaltyDbContext db, LoyaltyAccount account, Redemption redemption, LedgerEntry entry, Reward? reward, DateTimeOffset now)
    {
        db.EnqueueEvent(new PointsRedeemed
        {
            EventId = entry.Id,
            TenantId = account.TenantId,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = redemption.Branch,
            RedemptionId = redemption.Id,
            Code = redemption.Code,
            RewardId = redemption.RewardId,
            Points = redemption.Points,
            BalanceAfter = entry.BalanceAfter,
            OccurredAt = now,
        }, now);
        if (reward is not null)
        {
            db.EnqueueEvent(new RewardRedeemed
            {
                EventId = Guid.CreateVersion7(now),
                TenantId = account.TenantId,
                AccountId = account.Id,
                CustomerId = account.CustomerId,
                Branch = redemption.Branch,
                RedemptionId = redemption.Id,
                Code = redemption.Code,
                RewardId = reward.Id,
                RewardName = reward.Name,
                Quantity = redemption.Quantity ?? 1,
                CostPoints = reward.CostPoints,
                Points = redemption.Points,
                BalanceAfter = entry.BalanceAfter,
                OccurredAt = now,
            }, now);
        }
    }
}
