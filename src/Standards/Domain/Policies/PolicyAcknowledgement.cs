using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// A staff member's task to acknowledge a published policy version, made when the version is published, and when
/// they did. The branch is the staff member's branch when the task was made, so rates per branch stay as they were.
/// </summary>
public sealed class PolicyAcknowledgement : ITenantOwned
{
    private PolicyAcknowledgement()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid PolicyId { get; private init; }
    public int PolicyVersion { get; private init; }
    public Guid StaffId { get; private init; }
    public string Branch { get; private init; } = "";
    public DateTimeOffset RequestedAt { get; private init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public static PolicyAcknowledgement Request(PolicyVersion version, StaffMember staff, DateTimeOffset now) => new()
    {
        TenantId = version.TenantId,
        PolicyId = version.PolicyId,
        PolicyVersion = version.Number,
        StaffId = staff.Id,
        Branch = staff.Branch,
        RequestedAt = now,
    };

    /// <summary>Records the acknowledgement; acknowledging again keeps the first time (false: nothing changed).</summary>
    public bool Acknowledge(DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = now;
        return true;
    }
}
