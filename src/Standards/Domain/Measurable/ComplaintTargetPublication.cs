using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>
/// How many times a business's complaint targets were published. Every change of a complaint-time standard takes the
/// next number under this row's version, so two changes racing cannot both publish a set that misses the other.
/// </summary>
public sealed class ComplaintTargetPublication : ITenantOwned
{
    private ComplaintTargetPublication()
    {
    }

    public Guid TenantId { get; private init; }
    public long Sequence { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Row version (xmin).</summary>
    public uint Version { get; private set; }

    public static ComplaintTargetPublication First(Guid tenantId) => new() { TenantId = tenantId };

    public long Next(DateTimeOffset now)
    {
        Sequence++;
        PublishedAt = now;
        return Sequence;
    }
}
