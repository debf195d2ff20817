using CustomerPlatform.Loyalty.Features.GetAccount;
using CustomerPlatform.Loyalty.Features.Redemptions;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Privacy;

/// <summary>What Loyalty holds about one customer: the Loyalty section of the personal-data export.</summary>
/// <param name="AccountId">The customer's account.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Balance">Points available now.</param>
/// <param name="LifetimePoints">Every point ever earned.</param>
/// <param name="OpenedAt">When the account was opened.</param>
/// <param name="Ledger">The whole ledger, newest first (not only the recent entries the account view shows).</param>
/// <param name="Redemptions">Every redemption by the customer, newest first: reward, points, code, branch, status, times.</param>
/// <param name="ReferredByCustomerId">The customer who referred this one, when one was named.</param>
/// <param name="Birthday">The birthday kept for the birthday bonus, <c>MM-dd</c> (no year); absent once erased.</param>
public sealed record LoyaltyPersonalDataResponse(
    Guid AccountId,
    Guid CustomerId,
    long Balance,
    long LifetimePoints,
    DateTimeOffset OpenedAt,
    IReadOnlyList<LedgerEntryResponse> Ledger,
    IReadOnlyList<RedemptionResponse> Redemptions,
    Guid? ReferredByCustomerId,
    string? Birthday);

/// <summary>
/// <c>GET /api/v1/loyalty/personal-data/{customerId}</c>, composed by the gateway into the customer's export: the
/// account and its whole ledger. 404 when the business has no account for the customer.
/// </summary>
public static class LoyaltyPersonalData
{
    public static RouteHandlerBuilder MapLoyaltyPersonalData(this RouteGroupBuilder group) =>
        group.MapGet("/personal-data/{customerId:guid}", HandleAsync).WithName("GetLoyaltyPersonalData");

    /// <summary>The customer's account with every ledger entry and redemption; 404 when there is none (also for another business's customer).</summary>
    public static async Task<Results<Ok<LoyaltyPersonalDataResponse>, ProblemHttpResult>> HandleAsync(
        Guid customerId, LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(found => found.CustomerId == customerId, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("loyalty account", customerId);
        }

        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.AccountId == account.Id)
            .OrderByDescending(entry => entry.RecordedAt).ThenByDescending(entry => entry.Id)
            .Select(entry => new LedgerEntryResponse(
                entry.Id, entry.Type, entry.Points, entry.BalanceAfter, entry.SourceId, entry.Branch, entry.OccurredAt, entry.RecordedAt))
            .ToListAsync(cancellationToken);
        var redemptions = await db.Redemptions.AsNoTracking()
            .Where(redemption => redemption.CustomerId == customerId)
            .OrderByDescending(redemption => redemption.CreatedAt).ThenByDescending(redemption => redemption.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new LoyaltyPersonalDataResponse(
            account.Id,
            account.CustomerId,
            account.Balance,
            account.LifetimePoints,
            account.OpenedAt,
            ledger,
            [.. redemptions.Select(RedemptionResponse.From)],
            account.ReferredByCustomerId,
            account.Birthday?.ToString()));
    }
}
