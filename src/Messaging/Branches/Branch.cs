using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Messaging.Branches;

/// <summary>
/// A branch as a service knows it from the gateway's branch events (the directory Standards and Feedback both keep): its time zone, opening hours and holidays are
/// what business-hours clocks run on. Events may arrive out of order or twice: a snapshot older than the details
/// held (by <see cref="Revision"/>) changes nothing, and a close is final whenever it arrives.
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
    /// <summary>The revision of the snapshot whose details are held; 0 before the first.</summary>
    public int Revision { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>A branch no event has described yet: the row the directory creates, then locks, before applying one.</summary>
    public static Branch Unknown(Guid tenantId, string code) => new() { TenantId = tenantId, Code = code };

    /// <summary>Takes the snapshot when it is newer than the details held; false when it was stale.</summary>
    public bool Apply(IBranchSnapshot snapshot)
    {
        if (snapshot.Revision <= Revision)
        {
            return false;
        }

        Name = snapshot.Name;
        TimeZone = snapshot.TimeZone;
        OpeningHours = [.. snapshot.OpeningHours];
        Holidays = [.. snapshot.Holidays];
        Revision = snapshot.Revision;
        return true;
    }

    /// <summary>
    /// Closes the branch; false when it was closed already. Closing is final (the gateway changes a closed branch no
    /// more), so a close is kept whatever order it arrives in, and snapshots that arrive after it still fill in the
    /// details it had.
    /// </summary>
    public bool Close(DateTimeOffset closedAt)
    {
        if (ClosedAt is not null)
        {
            return false;
        }

        ClosedAt = closedAt;
        return true;
    }

    /// <summary>
    /// The branch's business-hours calendar, or null when no snapshot has described it yet or its week has no opening
    /// hours: a deadline on such a branch would never fall due, so callers fall back to an always-open clock.
    /// </summary>
    public BusinessCalendar? Calendar()
    {
        if (Revision == 0 || OpeningHours.Count == 0 || string.IsNullOrEmpty(TimeZone))
        {
            return null;
        }

        try
        {
            var calendar = new BusinessCalendar(TimeZone, OpeningHours, Holidays);
            return calendar.HasOpeningHours ? calendar : null;
        }
        catch (TimeZoneNotFoundException)
        {
            // A zone this machine's time-zone data does not know: better a round-the-clock deadline than none.
            return null;
        }
    }
}
