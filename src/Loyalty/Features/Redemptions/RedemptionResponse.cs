using CustomerPlatform.Loyalty.Domain;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

/// <summary>A redemption: points spent on a reward or as a discount, and the code the till checks.</summary>
/// <param name="Code">What the customer shows at the till: 10 characters in two groups, e.g. K7Q2M-XH9PA.</param>
/// <param name="RewardId">The reward redeemed; null for a points discount.</param>
/// <param name="RewardName">The reward's name when redeemed.</param>
/// <param name="Quantity">Units of the reward; null for a points discount.</param>
/// <param name="Points">Points spent, positive.</param>
/// <param name="Status">completed or voided.</param>
/// <param name="BalanceAfter">The account's balance right after the points were spent.</param>
public sealed record RedemptionResponse(
    Guid Id,
    string Code,
    Guid AccountId,
    Guid CustomerId,
    Guid? RewardId,
    string? RewardName,
    int? Quantity,
    long Points,
    string Branch,
    RedemptionStatus Status,
    long BalanceAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? VoidedAt,
    string? VoidReason)
{
    public static RedemptionResponse From(Redemption redemption) => new(
        redemption.Id,
        redemption.Code,
        redemption.AccountId,
        redemption.CustomerId,
        redemption.RewardId,
        redemption.RewardName,
        redemption.Quantity,
        redemption.Points,
        redemption.Branch,
        redemption.Status,
        redemption.BalanceAfter,
        redemption.CreatedAt,
        redemption.VoidedAt,
        redemption.VoidReason);
}

/// <summary>A page of redemptions, newest first.</summary>
/// <param name="NextCursor">Pass as cursor for the next page; null on the last.</param>
public sealed record RedemptionPageResponse(IReadOnlyList<RedemptionResponse> Items, string? NextCursor);
