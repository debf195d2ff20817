namespace CustomerPlatform.Loyalty.Domain;

/// <summary>What the business says about a reward; <see cref="Check"/> names every field that breaks a rule.</summary>
/// <param name="Name">What the till and the customer see.</param>
/// <param name="Description">Optional longer text.</param>
/// <param name="CostPoints">Points one unit costs, above zero.</param>
/// <param name="Stock">Units left; null for unlimited.</param>
/// <param name="PerCustomerLimit">Units one customer may redeem in total; null for no limit.</param>
/// <param name="ActiveFrom">Redeemable from (inclusive); null for already.</param>
/// <param name="ActiveTo">Redeemable until (exclusive); null for open-ended.</param>
/// <param name="Branches">Branch codes where it may be redeemed; null for every branch.</param>
public sealed record RewardDetails(
    string Name,
    string? Description,
    long CostPoints,
    int? Stock,
    int? PerCustomerLimit,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveTo,
    IReadOnlyList<string>? Branches)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxBranchLength = 50;
    public const int MaxBranches = 100;
    public const long MaxCostPoints = 100_000_000;

    /// <summary>Field errors keyed by JSON name; empty when the details are valid.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (Name.Length is 0 or > MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters."];
        }

        if (Description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"At most {MaxDescriptionLength} characters."];
        }

        if (CostPoints is <= 0 or > MaxCostPoints)
        {
            errors["costPoints"] = [$"A whole number of points from 1 to {MaxCostPoints}."];
        }

        if (Stock is < 0)
        {
            errors["stock"] = ["Zero or more units, or null for unlimited."];
        }

        if (PerCustomerLimit is < 1)
        {
            errors["perCustomerLimit"] = ["At least 1, or null for no limit."];
        }

        if (ActiveFrom is { } from && ActiveTo is { } to && to <= from)
        {
            errors["activeTo"] = ["Must be after activeFrom."];
        }

        if (Branches is not null)
        {
            if (Branches.Count is 0 or > MaxBranches)
            {
                errors["branches"] = [$"From 1 to {MaxBranches} branch codes, or null for every branch."];
            }
            else if (Branches.Any(branch => branch.Length is 0 or > MaxBranchLength))
            {
                errors["branches"] = [$"Each branch code has 1 to {MaxBranchLength} characters."];
            }
        }

        return errors;
    }
}
