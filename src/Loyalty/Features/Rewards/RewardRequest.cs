using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Loyalty.Domain;

namespace CustomerPlatform.Loyalty.Features.Rewards;

/// <summary>A reward's whole content: creating one, or replacing it (a field left out is cleared).</summary>
/// <param name="Name">What the till and the customer see, 1 to 200 characters.</param>
/// <param name="Description">Longer text, at most 2000 characters.</param>
/// <param name="CostPoints">Points one unit costs, 1 to 100000000.</param>
/// <param name="Stock">Units left, zero or more; null or omitted for unlimited.</param>
/// <param name="PerCustomerLimit">Units one customer may redeem in total (voided redemptions do not count); null for no limit.</param>
/// <param name="ActiveFrom">Redeemable from this time (UTC, inclusive); null for at once.</param>
/// <param name="ActiveTo">Redeemable until this time (UTC, exclusive), after activeFrom; null for open-ended.</param>
/// <param name="Branches">Branch codes where it may be redeemed (1 to 100); null or omitted for every branch.</param>
public sealed record RewardRequest(
    [property: Required, StringLength(RewardDetails.MaxNameLength, MinimumLength = 1)] string Name,
    [property: StringLength(RewardDetails.MaxDescriptionLength)] string? Description,
    [property: Range(1, RewardDetails.MaxCostPoints)] long CostPoints,
    [property: Range(0, int.MaxValue)] int? Stock,
    [property: Range(1, int.MaxValue)] int? PerCustomerLimit,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveTo,
    [property: MaxLength(RewardDetails.MaxBranches)] IReadOnlyList<string?>? Branches)
{
    /// <summary>The trimmed details, or null with <paramref name="errors"/> filled (JSON names) when a rule is broken.</summary>
    internal RewardDetails? Read(Dictionary<string, string[]> errors)
    {
        var details = new RewardDetails(
            Name.Trim(),
            string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            CostPoints,
            Stock,
            PerCustomerLimit,
            ActiveFrom?.ToUniversalTime(),
            ActiveTo?.ToUniversalTime(),
            Branches?.Select(branch => branch?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList());
        foreach (var (field, messages) in details.Check())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? null : details;
    }
}
