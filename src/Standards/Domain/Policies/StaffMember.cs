using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>A member of staff the business lists, by branch: who is asked to acknowledge policies and is trained on them.</summary>
public sealed class StaffMember : ITenantOwned
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 200;

    private StaffMember()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }

    /// <summary>The business's own staff number or code, unique within the business.</summary>
    public string Code { get; private init; } = "";

    public string Name { get; private set; } = "";
    public string Branch { get; private set; } = "";

    /// <summary>Only active staff are asked to acknowledge newly published policies.</summary>
    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (xmin): the ETag.</summary>
    public uint Version { get; private set; }

    public static StaffMember Register(Guid tenantId, string code, string name, string branch, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        Code = code,
        Name = name,
        Branch = branch,
        Active = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Changes the record; false when nothing differs.</summary>
    public bool Change(string name, string branch, bool active, DateTimeOffset now)
    {
        if (name == Name && branch == Branch && active == Active)
        {
            return false;
        }

        Name = name;
        Branch = branch;
        Active = active;
        UpdatedAt = now;
        return true;
    }
}
