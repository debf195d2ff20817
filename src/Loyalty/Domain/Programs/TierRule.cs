namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>A tier a customer reaches by points or spend within a rolling window; evaluated by a later slice.</summary>
public sealed record TierRule(
    string Code,
    string Name,
    TierBasis Basis,
    decimal Threshold,
    int WindowMonths,
    string? Benefits,
    decimal EarnMultiplier,
    int DowngradeGraceDays);
