namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>
/// Multiplies the points of purchase lines in a category, at a branch, or both, optionally within a date window
/// (<see cref="From"/> inclusive, <see cref="To"/> exclusive).
/// </summary>
public sealed record EarnMultiplier(string? Category, string? Branch, decimal Factor, DateTimeOffset? From, DateTimeOffset? To)
{
    public const decimal MaxFactor = 10;

    /// <summary>Whether it applies to a line of <paramref name="category"/> (null: an unitemised purchase) bought at <paramref name="branch"/> at <paramref name="at"/>.</summary>
    public bool AppliesTo(string? category, string branch, DateTimeOffset at) =>
        (Category is null || (category is not null && string.Equals(Category, category, StringComparison.OrdinalIgnoreCase)))
        && (Branch is null || string.Equals(Branch, branch, StringComparison.OrdinalIgnoreCase))
        && (From is null || at >= From)
        && (To is null || at < To);
}
