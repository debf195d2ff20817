using CustomerPlatform.Loyalty.Domain;

namespace CustomerPlatform.Loyalty.Features.Rewards;

/// <summary>A reward of the catalogue.</summary>
/// <param name="Stock">Units left; null for unlimited.</param>
/// <param name="PerCustomerLimit">Units one customer may redeem in total; null for no limit.</param>
/// <param name="Branches">Branch codes where it may be redeemed; null for every branch.</param>
/// <param name="Status">active or archived.</param>
/// <param name="AvailableNow">Whether it is active and within its active window at the time of the response.</param>
public sealed record RewardResponse(
    Guid Id,
    string Name,
    string? Description,
    long CostPoints,
    int? Stock,
    int? PerCustomerLimit,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveTo,
    IReadOnlyList<string>? Branches,
    RewardStatus Status,
    bool AvailableNow,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RewardResponse From(Reward reward, DateTimeOffset now) => new(
        reward.Id,
        reward.Name,
        reward.Description,
        reward.CostPoints,
        reward.Stock,
        reward.PerCustomerLimit,
        reward.ActiveFrom,
        reward.ActiveTo,
        reward.Branches,
        reward.Status,
        reward.IsActiveAt(now),
        reward.CreatedAt,
        reward.UpdatedAt);
}

/// <summary>A page of rewards, oldest first.</summary>
/// <param name="NextCursor">Pass as cursor for the next page; null on the last.</param>
public sealed record RewardPageResponse(IReadOnlyList<RewardResponse> Items, string? NextCursor);
