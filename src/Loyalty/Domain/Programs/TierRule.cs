namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>
/// A tier a customer reaches by points or spend within a rolling window (see <see cref="Tiers.TierLadder"/>). Its earn
/// multiplier multiplies what purchases earn while the customer holds it, on top of the category and branch
/// multiplier (see <see cref="PurchaseEarning"/>).
/// </summary>
public sealed record TierRule(
    string Code,
    string Name,
    TierBasis Basis,
    decimal Threshold,
    int WindowMonths,
    string? Benefits,
    decimal EarnMultiplier,
    int DowngradeGraceDays);
