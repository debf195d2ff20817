using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain;

/// <summary>
/// A branch as Standards knows it from the gateway's branch events: its time zone, opening hours and holidays are
/// what business-hours clocks run on. Events may arrive out of order or twice; a snapshot older than the one held
/// (by <see cref="Revision"/>) changes nothing.
/// </summary>
public sealed class Branch : ITenantOwned
{
    private Branch()
    {
    }

    public Guid TenantId { get; private init; }
    public string Code { get; private init; } = "";
    public string Name { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public List<OpeningPeriod> OpeningHours { get; private set; } = [];
    public List<Holiday> Holidays { get; private set; } = [];
    public int Revision { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>A branch no event has described yet: the row the directory creates, then locks, before applying one.</summary>
    public static Branch Unknown(Guid tenantId, string code) => new() { TenantId = tenantId, Code = code };

    /// <summary>
    /// Takes the snapshot when it is newer than what is held; false when it was stale. A placeholder still takes a
    /// stale snapshot's details (a closed branch keeps its name and hours), but stays closed at its revision.
    /// </summary>
    public bool Apply(IBranchSnapshot snapshot)
    {
        var isNewer = snapshot.Revision > Revision;
        if (!isNewer && !IsPlaceholder)
        {
            return false;
        }

        Name = snapshot.Name;
        TimeZone = snapshot.TimeZone;
        OpeningHours = [.. snapshot.OpeningHours];
        Holidays = [.. snapshot.Holidays];
        Revision = Math.Max(Revision, snapshot.Revision);
        return isNewer;
    }

    /// <summary>Known only from a close that overtook the branch's other events, or not yet known: no details.</summary>
    private bool IsPlaceholder => TimeZone.Length == 0;

    /// <summary>Closes the branch at the given revision; false when a newer revision is already held.</summary>
    public bool Close(int revision, DateTimeOffset closedAt)
    {
        if (revision <= Revision)
        {
            return false;
        }

        ClosedAt = closedAt;
        Revision = revision;
        return true;
    }
}
