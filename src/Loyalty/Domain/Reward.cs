using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>An item of the business's rewards catalogue, bought with points.</summary>
public sealed class Reward : ITenantOwned
{
    private Reward()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public long CostPoints { get; private set; }

    /// <summary>
    /// Units left; null for unlimited. Redemptions change it with one conditional UPDATE in their own transaction
    /// (never through this property), so two tills can never both take the last unit.
    /// </summary>
    public int? Stock { get; private set; }

    public int? PerCustomerLimit { get; private set; }
    public DateTimeOffset? ActiveFrom { get; private set; }
    public DateTimeOffset? ActiveTo { get; private set; }

    /// <summary>Branch codes where it may be redeemed; null for every branch.</summary>
    public List<string>? Branches { get; private set; }

    public RewardStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (xmin), the ETag; a redemption taking stock changes it too.</summary>
    public uint Version { get; private set; }

    public static Reward Create(Guid tenantId, RewardDetails details, DateTimeOffset now)
    {
        var reward = new Reward { Id = Guid.CreateVersion7(now), TenantId = tenantId, Status = RewardStatus.Active, CreatedAt = now };
        reward.Apply(details, now);
        return reward;
    }

    /// <summary>Replaces the details; 409 <c>reward-archived</c> once archived.</summary>
    public void Replace(RewardDetails details, DateTimeOffset now)
    {
        EnsureNotArchived();
        Apply(details, now);
    }

    /// <summary>Retires the reward; 409 <c>reward-archived</c> when it already is.</summary>
    public void Archive(DateTimeOffset now)
    {
        EnsureNotArchived();
        Status = RewardStatus.Archived;
        UpdatedAt = now;
    }

    public bool AppliesTo(string branch) => Branches is null || Branches.Contains(branch, StringComparer.Ordinal);

    public bool IsActiveAt(DateTimeOffset now) =>
        Status == RewardStatus.Active && (ActiveFrom is null || ActiveFrom <= now) && (ActiveTo is null || now < ActiveTo);

    /// <summary>
    /// The points <paramref name="quantity"/> units cost, or the rule that refuses them: not active now or not at
    /// this branch (422 <c>reward-not-available</c>), more than the stock left (409 <c>reward-out-of-stock</c>), more
    /// than the customer may still take (409 <c>reward-limit-reached</c>, counting <paramref name="alreadyRedeemed"/>).
    /// </summary>
    public long PriceFor(int quantity, string branch, long alreadyRedeemed, DateTimeOffset now)
    {
        if (!IsActiveAt(now))
        {
            throw new DomainException("reward-not-available", $"The reward '{Name}' is not available now.");
        }

        if (!AppliesTo(branch))
        {
            throw new DomainException("reward-not-available", $"The reward '{Name}' is not available at branch '{branch}'.");
        }

        if (Stock is { } stock && stock < quantity)
        {
            throw OutOfStock();
        }

        if (PerCustomerLimit is { } limit && alreadyRedeemed + quantity > limit)
        {
            throw new DomainException(
                "reward-limit-reached",
                $"A customer may redeem '{Name}' at most {limit} times; this one has {alreadyRedeemed}.",
                DomainErrorKind.Conflict);
        }

        return checked(CostPoints * quantity);
    }

    public DomainException OutOfStock() =>
        new("reward-out-of-stock", $"The reward '{Name}' is out of stock.", DomainErrorKind.Conflict);

    private void EnsureNotArchived()
    {
        if (Status == RewardStatus.Archived)
        {
            throw new DomainException("reward-archived", "The reward is archived and can no longer change.", DomainErrorKind.Conflict);
        }
    }

    private void Apply(RewardDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Description = details.Description;
        CostPoints = details.CostPoints;
        Stock = details.Stock;
        PerCustomerLimit = details.PerCustomerLimit;
        ActiveFrom = details.ActiveFrom;
        ActiveTo = details.ActiveTo;
        Branches = details.Branches?.ToList();
        UpdatedAt = now;
    }
}
