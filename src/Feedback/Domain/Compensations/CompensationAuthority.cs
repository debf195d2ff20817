using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>One of the business's own roles (staff, supervisor, ...) with its rank and how much it may grant alone.</summary>
public sealed class CompensationAuthority : ITenantOwned
{
    public const int MaxRoleLength = 50;
    public const int MaxRoles = 50;
    public const int MaxRank = 1000;

    private CompensationAuthority()
    {
    }

    public CompensationAuthority(Guid tenantId, string role, int rank, string currency, CompensationLimits limits)
    {
        TenantId = tenantId;
        Role = role;
        Rank = rank;
        Currency = currency;
        Limits = limits;
    }

    public Guid TenantId { get; private init; }
    public string Role { get; private init; } = "";

    /// <summary>A higher rank outranks a lower one; ranks are distinct within a business.</summary>
    public int Rank { get; private set; }

    /// <summary>The business's compensation currency; every role of a business has the same one.</summary>
    public string Currency { get; private set; } = "";

    public CompensationLimits Limits { get; private set; } = new(0, 0, 0, 0);

    public void Change(int rank, string currency, CompensationLimits limits)
    {
        Rank = rank;
        Currency = currency;
        Limits = limits;
    }
}
