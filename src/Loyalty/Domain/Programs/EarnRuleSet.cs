namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>How purchases and other events earn points.</summary>
/// <param name="PointsPerUnit">Points per whole currency unit spent, before multipliers.</param>
/// <param name="Rounding">How the purchase's total is made whole.</param>
/// <param name="Multipliers">Category, branch and date-window multipliers.</param>
/// <param name="Bonuses">Fixed bonuses.</param>
/// <param name="PendingDays">Days after the purchase before its points can be spent (a return window).</param>
public sealed record EarnRuleSet(
    decimal PointsPerUnit,
    EarnRounding Rounding,
    IReadOnlyList<EarnMultiplier> Multipliers,
    EarnBonuses Bonuses,
    int PendingDays);
