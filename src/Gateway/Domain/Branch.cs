using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Gateway.Domain;

/// <summary>
/// A branch of a business: where it is, its time zone, when it is open and its holidays. The gateway owns the
/// branch directory (it already knows every business and branch-restricted key) and publishes every change as an
/// event carrying the whole branch, so services keep their own copy. <see cref="Revision"/> counts changes: it is
/// the ETag, the optimistic concurrency token and the order consumers apply events in.
/// </summary>
public sealed class Branch
{
    private Branch()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Code { get; private init; } = "";
    public string Name { get; private set; } = "";
    public PostalAddress? Address { get; private set; }
    public string TimeZone { get; private set; } = "";
    public List<OpeningPeriod> OpeningHours { get; private set; } = [];
    public List<Holiday> Holidays { get; private set; } = [];
    public int Revision { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public static Branch Register(Guid tenantId, string code, BranchDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        Code = code.Trim(),
        Name = details.Name,
        Address = details.Address,
        TimeZone = details.TimeZone,
        OpeningHours = [.. details.OpeningHours],
        Holidays = [.. details.Holidays],
        Revision = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Replaces the branch's details; returns the JSON names of what changed (none: nothing to save or publish).</summary>
    public IReadOnlyList<string> Update(BranchDetails details, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new DomainException("branch-closed", $"Branch '{Code}' is closed; a closed branch is not changed.", DomainErrorKind.Conflict);
        }

        var changed = new List<string>();
        if (Name != details.Name)
        {
            Name = details.Name;
            changed.Add("name");
        }

        if (Address != details.Address)
        {
            Address = details.Address;
            changed.Add("address");
        }

        if (TimeZone != details.TimeZone)
        {
            TimeZone = details.TimeZone;
            changed.Add("timeZone");
        }

        if (!OpeningHours.SequenceEqual(details.OpeningHours))
        {
            OpeningHours = [.. details.OpeningHours];
            changed.Add("openingHours");
        }

        if (!Holidays.SequenceEqual(details.Holidays))
        {
            Holidays = [.. details.Holidays];
            changed.Add("holidays");
        }

        if (changed.Count > 0)
        {
            Revision++;
            UpdatedAt = now;
        }

        return changed;
    }

    /// <summary>Closes the branch for good; false when it was already closed (closing twice changes nothing).</summary>
    public bool Close(DateTimeOffset now)
    {
        if (IsClosed)
        {
            return false;
        }

        ClosedAt = now;
        UpdatedAt = now;
        Revision++;
        return true;
    }
}
