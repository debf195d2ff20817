using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>
/// One immutable version of a business's loyalty program. Version N+1 is in force from its
/// <see cref="EffectiveFrom"/>; an event is earned by the version in force when it happened, so a late event earns
/// by the rules of its time. Version 0 is never stored: it is <see cref="ProgramRules.Default"/>.
/// </summary>
public sealed class LoyaltyProgramVersion : ITenantOwned
{
    private LoyaltyProgramVersion()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public int Version { get; private init; }
    public ProgramRules Rules { get; private init; } = ProgramRules.Default;
    public DateTimeOffset EffectiveFrom { get; private init; }

    /// <summary>The version after <paramref name="currentVersion"/>, in force from now; refuses rules that break a rule.</summary>
    public static LoyaltyProgramVersion Next(Guid tenantId, int currentVersion, ProgramRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Check().Count > 0)
        {
            throw new ArgumentException("The rules must be checked before they are versioned.", nameof(rules));
        }

        return new LoyaltyProgramVersion
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Version = checked(currentVersion + 1),
            Rules = rules,
            EffectiveFrom = now,
        };
    }
}
