using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

/// <summary>Undoes a redemption.</summary>
/// <param name="Reason">Why, 1 to 500 characters (kept on the redemption and its ledger entry).</param>
public sealed record VoidRedemptionRequest(
    [property: Required, StringLength(Redemption.MaxReasonLength, MinimumLength = 1)] string Reason);

public static class VoidRedemption
{
    public static RouteHandlerBuilder MapVoidRedemption(this RouteGroupBuilder group) =>
        group.MapPost("/{redemptionId:guid}/void", HandleAsync).WithName("VoidRedemption");

    /// <summary>
    /// Gives the points back to the account and the units back to the reward's stock; 409
    /// <c>redemption-already-voided</c> the second time. A branch-restricted key may only void its branch's redemptions.
    /// </summary>
    public static async Task<Results<Ok<RedemptionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid redemptionId,
        VoidRedemptionRequest request,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Why the redemption is voided."] });
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<RedemptionResponse>, ValidationProblem, ProblemHttpResult>>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await db.Redemptions.AsNoTracking()
                .Where(candidate => candidate.Id == redemptionId)
                .Select(candidate => new { candidate.AccountId, candidate.CustomerId, candidate.Branch })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Problems.NotFound("redemption", redemptionId);
            }

            if (!tenant.MayActFor(found.Branch))
            {
                return Problems.OtherBranch(found.Branch);
            }

            // The account lock also serialises two voids of one redemption: the second sees the first's status.
            await RedemptionEndpoints.LockAccountAsync(db, tenant.TenantId, found.CustomerId, cancellationToken);
            var account = await db.Accounts.FirstAsync(account => account.Id == found.AccountId, cancellationToken);
            var redemption = await db.Redemptions.FirstAsync(candidate => candidate.Id == redemptionId, cancellationToken);
            var now = clock.GetUtcNow();
            var entry = redemption.Void(account, request.Reason.Trim(), now);
            if (redemption is { RewardId: { } rewardId, Quantity: { } quantity })
            {
                await RedemptionEndpoints.RestockAsync(db, tenant.TenantId, rewardId, quantity, cancellationToken);
            }

            db.LedgerEntries.Add(entry);
            db.EnqueueEvent(new PointsReversed
            {
                EventId = entry.Id,
                TenantId = account.TenantId,
                EntryId = entry.Id,
                AccountId = account.Id,
                CustomerId = account.CustomerId,
                Branch = redemption.Branch,
                Source = "redemptionVoid",
                SourceId = redemption.Id,
                Points = entry.Points,
                Shortfall = entry.Shortfall,
                BalanceAfter = entry.BalanceAfter,
                OccurredAt = now,
            }, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            LoyaltyTelemetry.RecordPosting(entry);
            return TypedResults.Ok(RedemptionResponse.From(redemption));
        });
    }
}
