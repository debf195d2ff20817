using CustomerPlatform.Loyalty.Domain.Programs;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>The whole program, as a new version replaces it; an absent part takes the built-in default's value.</summary>
/// <param name="CurrencyName">What the business calls its points ("points", "stars"); default "points".</param>
/// <param name="Earn">How points are earned.</param>
/// <param name="Tiers">Tiers from lowest to highest threshold, all with the same basis; default none.</param>
/// <param name="Expiry">When points lapse; default never.</param>
public sealed record ProgramRequest(string? CurrencyName, EarnRulesRequest? Earn, IReadOnlyList<TierRequest?>? Tiers, ExpiryRequest? Expiry);

/// <summary>How points are earned.</summary>
/// <param name="PointsPerUnit">Points per whole currency unit, above 0 (default 1).</param>
/// <param name="Rounding">How a purchase's total is made whole, once per purchase: down (default), nearest or up.</param>
/// <param name="Multipliers">Category and branch multipliers; the highest applying to a line counts.</param>
/// <param name="Bonuses">Fixed bonuses; 0 or absent is off.</param>
/// <param name="PendingDays">Days after a purchase before its points can be spent (default 0).</param>
public sealed record EarnRulesRequest(
    decimal? PointsPerUnit,
    EarnRounding? Rounding,
    IReadOnlyList<MultiplierRequest?>? Multipliers,
    BonusesRequest? Bonuses,
    int? PendingDays);

/// <summary>A multiplier for a category, a branch or both, optionally within a date window.</summary>
/// <param name="Category">The product category of purchase lines it applies to.</param>
/// <param name="Branch">The branch code of purchases it applies to.</param>
/// <param name="Factor">Above 0, at most 10.</param>
/// <param name="From">From when it applies (inclusive); absent: always before <paramref name="To"/>.</param>
/// <param name="To">Until when it applies (exclusive); absent: for ever after <paramref name="From"/>.</param>
public sealed record MultiplierRequest(string? Category, string? Branch, decimal? Factor, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Fixed points for events other than spending; 0 or absent turns one off.</summary>
/// <param name="FirstPurchase">Once per account, on its first purchase.</param>
/// <param name="FeedbackResponse">Per feedback item or survey response a customer gives.</param>
/// <param name="Referral">Per customer referred (not paid yet: Customers publishes no referrer).</param>
/// <param name="Birthday">Once a year (not paid yet: Customers publishes no birthday).</param>
public sealed record BonusesRequest(long? FirstPurchase, long? FeedbackResponse, long? Referral, long? Birthday);

/// <summary>
/// A tier of the program. A customer holds the highest tier whose threshold their qualifying value reaches: the points
/// they earned (less reversals) or the money they spent (less refunds) within the window. They move up at once and
/// down only after the grace of the tier they hold.
/// </summary>
/// <param name="Code">Unique within the program.</param>
/// <param name="Name">Shown to customers.</param>
/// <param name="Basis">What the threshold counts: points (default) or spend; the same for every tier.</param>
/// <param name="Threshold">Points or spend within the window to reach the tier; above the previous tier's.</param>
/// <param name="WindowMonths">The rolling window the threshold counts over; 0 (default) is lifetime; the same for every tier.</param>
/// <param name="Benefits">What the tier gives, as text.</param>
/// <param name="EarnMultiplier">
/// Multiplies the points of purchases made while the customer holds the tier (default 1). It combines with the category
/// or branch multiplier as a product: a line under a 2× category multiplier earns 3× for a customer in a 1.5× tier.
/// Bonuses and goodwill are not multiplied.
/// </param>
/// <param name="DowngradeGraceDays">Days below the threshold before a customer drops a tier (default 0).</param>
public sealed record TierRequest(
    string? Code,
    string? Name,
    TierBasis? Basis,
    decimal? Threshold,
    int? WindowMonths,
    string? Benefits,
    decimal? EarnMultiplier,
    int? DowngradeGraceDays);

/// <summary>When points lapse.</summary>
/// <param name="Months">Months after being earned; 0 (default) is never.</param>
/// <param name="NoticeDays">Days before lapsing that the customer is told (default 0).</param>
public sealed record ExpiryRequest(int? Months, int? NoticeDays);
