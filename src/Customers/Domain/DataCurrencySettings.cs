using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A business's data-currency settings.</summary>
public sealed class DataCurrencySettings : ITenantOwned
{
    public const int DefaultVerificationMonths = 12;
    public const int MaxVerificationMonths = 120;

    private DataCurrencySettings()
    {
    }

    public Guid TenantId { get; private init; }

    /// <summary>After how many months without a verification a customer's record counts as not current.</summary>
    public int VerificationMonths { get; private set; } = DefaultVerificationMonths;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin), exposed as the ETag.</summary>
    public uint Version { get; private set; }

    public static DataCurrencySettings Defaults(Guid tenantId, DateTimeOffset now) => new() { TenantId = tenantId, UpdatedAt = now };

    public bool Change(int verificationMonths, DateTimeOffset now)
    {
        if (verificationMonths == VerificationMonths)
        {
            return false;
        }

        VerificationMonths = verificationMonths;
        UpdatedAt = now;
        return true;
    }
}
