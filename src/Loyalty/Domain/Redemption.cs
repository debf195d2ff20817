using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// Points spent from an account: on a reward (<see cref="RewardId"/> and <see cref="Quantity"/>), or as a discount
/// (points only). Its ledger entries use its id as their source id, once to spend and once, on a void, to give back.
/// </summary>
public sealed class Redemption : ITenantOwned
{
    public const int MaxReasonLength = 500;

    private Redemption()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid AccountId { get; private init; }
    public Guid CustomerId { get; private init; }
    public Guid? RewardId { get; private init; }

    /// <summary>The reward's name when redeemed, so the record reads the same after the catalogue changes.</summary>
    public string? RewardName { get; private init; }

    public int? Quantity { get; private init; }

    /// <summary>Points spent, positive.</summary>
    public long Points { get; private init; }

    public string Branch { get; private init; } = "";
    public string Code { get; private init; } = "";
    public RedemptionStatus Status { get; private set; }

    /// <summary>The account's balance right after the points were spent.</summary>
    public long BalanceAfter { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? VoidedAt { get; private set; }
    public string? VoidReason { get; private set; }

    /// <summary>Row version (xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>Spends the points on the account (the account's rules apply) and returns the redemption with its ledger entry.</summary>
    public static (Redemption Redemption, LedgerEntry Entry) Spend(
        LoyaltyAccount account, long points, string branch, Reward? reward, int? quantity, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var entry = account.Post(new LedgerPosting(LedgerEntryType.Redeem, -points, LedgerSource.Redemption, id, branch, now), now);
        var redemption = new Redemption
        {
            Id = id,
            TenantId = account.TenantId,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            RewardId = reward?.Id,
            RewardName = reward?.Name,
            Quantity = reward is null ? null : quantity,
            Points = points,
            Branch = branch,
            Code = RedemptionCode.New(),
            Status = RedemptionStatus.Completed,
            BalanceAfter = entry.BalanceAfter,
            CreatedAt = now,
        };
        return (redemption, entry);
    }

    /// <summary>
    /// Marks it voided and gives its points back to the account; 409 <c>redemption-already-voided</c> the second time.
    /// </summary>
    public LedgerEntry Void(LoyaltyAccount account, string reason, DateTimeOffset now)
    {
        if (Status == RedemptionStatus.Voided)
        {
            throw new DomainException("redemption-already-voided", "The redemption was voided already.", DomainErrorKind.Conflict);
        }

        Status = RedemptionStatus.Voided;
        VoidedAt = now;
        VoidReason = reason;
        return account.Post(new LedgerPosting(LedgerEntryType.Reverse, Points, LedgerSource.RedemptionVoid, Id, Branch, now) { Reason = reason }, now);
    }
}
