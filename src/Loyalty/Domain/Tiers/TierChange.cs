using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Tiers;

/// <summary>
/// One change of an account's tier, kept so a purchase earns with the tier its customer held when it happened,
/// however late its event arrives. Its id is the <c>TierChanged</c> event's id.
/// </summary>
public sealed class TierChange : ITenantOwned
{
    private TierChange()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid AccountId { get; private init; }
    public Guid CustomerId { get; private init; }
    public string? FromCode { get; private init; }
    public string? ToCode { get; private init; }
    public TierDirection Direction { get; private init; }
    public decimal QualifyingValue { get; private init; }
    public TierBasis Basis { get; private init; }
    public int RuleVersion { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    internal static TierChange Record(AccountTier tier, string? toCode, TierDirection direction, TierBasis basis, int ruleVersion, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tier.TenantId,
            AccountId = tier.AccountId,
            CustomerId = tier.CustomerId,
            FromCode = tier.Code,
            ToCode = toCode,
            Direction = direction,
            QualifyingValue = tier.QualifyingValue,
            Basis = basis,
            RuleVersion = ruleVersion,
            OccurredAt = now,
        };
}
