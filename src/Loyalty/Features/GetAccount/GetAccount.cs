using System.Data;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Features.Expiry;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.GetAccount;

/// <summary>A loyalty account with its most recent ledger entries, newest first.</summary>
public sealed record AccountResponse(
    Guid AccountId,
    Guid CustomerId,
    long Balance,
    long LifetimePoints,
    DateTimeOffset OpenedAt,
    IReadOnlyList<LedgerEntryResponse> RecentEntries)
{
    /// <summary>Points earned but not available yet (their availability time is still ahead); part of the balance.</summary>
    public long PendingPoints { get; init; }

    /// <summary>The balance that can be redeemed now: the balance less pending points, never below zero.</summary>
    public long SpendablePoints { get; init; }

    /// <summary>The points that expire next unless spent first (spending takes the oldest first), and when; null when none will.</summary>
    public NextExpiryResponse? NextExpiry { get; init; }
    /// <summary>The tier the customer holds; null when they hold none or the program has no tiers.</summary>
    public AccountTierResponse? Tier { get; init; }

    /// <summary>
    /// What the program's tier thresholds count, now: points earned (less reversals) or money spent (less refunds)
    /// within its rolling window; null when the program has no tiers.
    /// </summary>
    public decimal? QualifyingValue { get; init; }

    /// <summary>The tier above the one held; null at the top, or when the program has no tiers.</summary>
    public NextTierResponse? NextTier { get; init; }
}

/// <summary>Points that will expire at <paramref name="At"/> unless spent before.</summary>
public sealed record NextExpiryResponse(long Points, DateTimeOffset At);

public sealed record LedgerEntryResponse(
    Guid Id,
    LedgerEntryType Type,
    long Points,
    long BalanceAfter,
    Guid SourceId,
    string? Branch,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt);

public static class GetAccount
{
    public const int RecentEntryCount = 50;

    public static RouteHandlerBuilder MapGetAccount(this RouteGroupBuilder group) =>
        group.MapGet("/accounts/{customerId:guid}", HandleAsync).WithName("GetLoyaltyAccount");

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> HandleAsync(
        Guid customerId, LoyaltyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // One snapshot for both reads: a credit committing between them would show entries the balance lacks.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<AccountResponse>, ProblemHttpResult>>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(account => account.CustomerId == customerId, cancellationToken);
            if (account is null)
            {
                return Problems.NotFound("loyalty account for customer", customerId);
            }

            var entries = await db.LedgerEntries.AsNoTracking()
                .Where(entry => entry.AccountId == account.Id)
                .OrderByDescending(entry => entry.RecordedAt).ThenByDescending(entry => entry.Id)
                .Take(RecentEntryCount)
                .Select(entry => new LedgerEntryResponse(
                    entry.Id, entry.Type, entry.Points, entry.BalanceAfter, entry.SourceId, entry.Branch, entry.OccurredAt, entry.RecordedAt))
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var pending = await AccountBalances.PendingPointsAsync(db, account.Id, now, cancellationToken);
            var nextExpiry = PointLots.NextExpiry(await AccountLots.LoadAsync(db, account.Id, cancellationToken));
            var standing = await TierStanding.OfAsync(db, account.Id, now, cancellationToken);
            return TypedResults.Ok(new AccountResponse(account.Id, account.CustomerId, account.Balance, account.LifetimePoints, account.OpenedAt, entries)
            {
                PendingPoints = pending,
                SpendablePoints = AccountBalances.Spendable(account.Balance, pending),
                NextExpiry = nextExpiry is var (points, at) ? new NextExpiryResponse(points, at) : null,
                Tier = standing.Tier,
                QualifyingValue = standing.QualifyingValue,
                NextTier = standing.NextTier,
            });
        });
    }
}
