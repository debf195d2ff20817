using CustomerPlatform.Loyalty.Domain.Tiers;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>The tier an account holds, as the account view shows it.</summary>
/// <param name="Code">The tier's code.</param>
/// <param name="Name">The tier's name in the program in force.</param>
/// <param name="Benefits">What the tier gives, as the program describes it.</param>
/// <param name="Since">When the customer reached it.</param>
/// <param name="DowngradeDueAt">When the customer drops below it unless they re-qualify first; null when they qualify.</param>
public sealed record AccountTierResponse(string Code, string Name, string? Benefits, DateTimeOffset? Since, DateTimeOffset? DowngradeDueAt);

/// <summary>The tier above the one held, and how far the customer is from it.</summary>
/// <param name="Code">The tier's code.</param>
/// <param name="Name">The tier's name.</param>
/// <param name="Threshold">The qualifying value that reaches it.</param>
/// <param name="Remaining">What the qualifying value still lacks; 0 when reached.</param>
public sealed record NextTierResponse(string Code, string Name, decimal Threshold, decimal Remaining);

/// <summary>Where an account stands on the tier ladder: all null when the program has no tiers.</summary>
public sealed record TierStanding(AccountTierResponse? Tier, decimal? QualifyingValue, NextTierResponse? NextTier)
{
    public static readonly TierStanding None = new(null, null, null);

    /// <summary>The account's tier (as stored: a pending downgrade keeps it), and its qualifying value now.</summary>
    public static async Task<TierStanding> OfAsync(LoyaltyDbContext db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var program = await ProgramBook.CurrentAsync(db, cancellationToken);
        var ladder = TierLadder.Of(program.Rules);
        if (ladder.IsEmpty)
        {
            return None;
        }

        var held = await db.AccountTiers.AsNoTracking().FirstOrDefaultAsync(tier => tier.AccountId == accountId, cancellationToken);
        var value = ladder.QualifyingValue(await AccountTiers.ContributionsAsync(db, accountId, ladder, now, cancellationToken), now);
        AccountTierResponse? tier = null;
        if (held?.Code is { } code)
        {
            // A tier the new program dropped stays shown by its code until the worker has re-evaluated the account.
            var rule = ladder.Find(code);
            tier = new AccountTierResponse(code, rule?.Name ?? code, rule?.Benefits, held.Since, held.DowngradeDueAt);
        }

        var next = ladder.Above(held?.Code);
        return new TierStanding(
            tier,
            value,
            next is null ? null : new NextTierResponse(next.Code, next.Name, next.Threshold, Math.Max(0, next.Threshold - value)));
    }
}
