using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// A business's rule for calling a customer at risk: overdue by more than <see cref="Factor"/> times their own
/// usual interval, once they have at least <see cref="MinPurchases"/> purchases. A business that never set it gets
/// <see cref="Defaults"/>, which are on: an at-risk event is a fact about the customer, not an action taken.
/// </summary>
public sealed class AtRiskSettings : ITenantOwned
{
    public const decimal DefaultFactor = 2m;
    public const int DefaultMinPurchases = 3;
    public const decimal MaxFactor = 100m;
    public const int MaxMinPurchases = 1000;

    private AtRiskSettings()
    {
    }

    /// <summary>One row per business, so the tenant id is the key.</summary>
    public Guid TenantId { get; private init; }

    public decimal Factor { get; private set; } = DefaultFactor;
    public int MinPurchases { get; private set; } = DefaultMinPurchases;
    public bool Enabled { get; private set; } = true;
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (xmin), the settings' ETag; 0 while the business has only the defaults.</summary>
    public uint Version { get; private set; }

    /// <summary>The defaults of a business that has not set its own (not stored).</summary>
    public static AtRiskSettings Defaults(Guid tenantId) => new() { TenantId = tenantId };

    public static AtRiskSettings Create(Guid tenantId, decimal factor, int minPurchases, bool enabled, DateTimeOffset now)
    {
        var settings = Defaults(tenantId);
        settings.Change(factor, minPurchases, enabled, now);
        return settings;
    }

    public void Change(decimal factor, int minPurchases, bool enabled, DateTimeOffset now)
    {
        if (factor <= 1m || factor > MaxFactor)
        {
            throw new DomainException("invalid-at-risk-factor", $"The factor must be more than 1 and at most {MaxFactor}.");
        }

        if (minPurchases < 2 || minPurchases > MaxMinPurchases)
        {
            throw new DomainException("invalid-at-risk-min-purchases", $"At least 2 and at most {MaxMinPurchases} purchases are needed to know a rhythm.");
        }

        Factor = factor;
        MinPurchases = minPurchases;
        Enabled = enabled;
        UpdatedAt = now;
    }
}
