using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Domain.Complaints;

/// <summary>
/// What Standards knows of one complaint's clocks, kept from Feedback's complaint events. Events travel on separate
/// queues and can arrive in any order, so each sets only its own facts, in a way a repeat or a late arrival cannot
/// undo (earliest acknowledgement, latest reopen...). Holds no customer id and no text.
/// </summary>
public sealed class ComplaintClock : ITenantOwned
{
    private ComplaintClock()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public string Branch { get; private set; } = "";
    public StandardSeverity? Severity { get; private set; }

    /// <summary>When the complaint opened; null until <c>ComplaintReceived</c> arrives.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>When it left received (acknowledged, or any later step).</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The first resolution or close: where the resolution clock stopped for good.</summary>
    public DateTimeOffset? FirstResolvedAt { get; private set; }

    /// <summary>The latest reopen: the start of the reopened resolution clock.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>The resolution (or close) that stopped the reopened clock; null while it runs.</summary>
    public DateTimeOffset? ReopenedResolvedAt { get; private set; }

    /// <summary>Since when the case has been waiting on the customer; null when it is not.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    /// <summary>The end of the latest wait seen, so a wait's start arriving after its end is not taken for a new wait.</summary>
    public DateTimeOffset? LastWaitEndedAt { get; private set; }

    /// <summary>Business time spent waiting on the customer before the first resolution: not counted against it.</summary>
    public TimeSpan PausedBeforeFirstResolution { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsWaiting => WaitingSince is not null;

    public static ComplaintClock Start(Guid tenantId, Guid complaintId, string branch, DateTimeOffset now) => new()
    {
        TenantId = tenantId, ComplaintId = complaintId, Branch = branch, UpdatedAt = now,
    };

    /// <summary>Branch and severity, which every complaint event carries.</summary>
    public void Describe(string branch, string severity, DateTimeOffset now)
    {
        Branch = branch;
        Severity = Enum.TryParse<StandardSeverity>(severity, ignoreCase: true, out var parsed) ? parsed : Severity;
        UpdatedAt = now;
    }

    /// <returns>True when this is the first time the opening is known (its deadlines are to be set).</returns>
    public bool Receive(DateTimeOffset at)
    {
        if (ReceivedAt is not null)
        {
            return false;
        }

        ReceivedAt = at;
        return true;
    }

    /// <summary>Any step after received: leaving received is the acknowledgement (as Feedback keeps it).</summary>
    public void Acknowledge(DateTimeOffset at) => AcknowledgedAt = Earliest(AcknowledgedAt, at);

    /// <summary>A resolution or close: stops the clock that was running at <paramref name="at"/> and ends a wait then.</summary>
    /// <returns>The business time of the wait it ended, for the running deadlines (zero when none).</returns>
    public TimeSpan Resolve(DateTimeOffset at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Acknowledge(at);
        var paused = WaitingSince is { } since && since <= at ? EndWait(since, at, calendar) : TimeSpan.Zero;
        if (ReopenedAt is { } reopened && at > reopened)
        {
            ReopenedResolvedAt = Earliest(ReopenedResolvedAt, at);
        }
        else
        {
            FirstResolvedAt = Earliest(FirstResolvedAt, at);
        }

        return paused;
    }

    /// <returns>True when this is a reopen not seen before and later than any other (a new reopened clock starts).</returns>
    public bool Reopen(DateTimeOffset at)
    {
        if (ReopenedAt is { } known && known >= at)
        {
            return false;
        }

        ReopenedAt = at;
        ReopenedResolvedAt = null;
        return true;
    }

    public void StartWaiting(DateTimeOffset at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // A wait whose end (a resume, a resolution) was already seen is over.
        if (LastWaitEndedAt is { } ended && at <= ended)
        {
            return;
        }

        WaitingSince = at;
        // The resolution that ended this wait arrived first: the wait ran until it.
        var stoppedLater = ReopenedAt is { } reopened && at > reopened ? ReopenedResolvedAt : FirstResolvedAt;
        if (stoppedLater is { } stopped && stopped >= at)
        {
            EndWait(at, stopped, calendar);
        }
    }

    /// <returns>The business time of the wait it ended (zero for a repeat).</returns>
    public TimeSpan Resume(DateTimeOffset waitedSince, DateTimeOffset at, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return LastWaitEndedAt is { } ended && at <= ended ? TimeSpan.Zero : EndWait(waitedSince, at, calendar);
    }

    /// <summary>Whether the deadline's clock is still running (not stopped, not paused) at this point of the facts.</summary>
    public bool IsRunning(ComplaintDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Clock switch
        {
            ComplaintClockKind.Acknowledgement => AcknowledgedAt is null,
            ComplaintClockKind.Resolution => FirstResolvedAt is null && !IsWaiting,
            _ => ReopenedAt == deadline.StartedAt && ReopenedResolvedAt is null && !IsWaiting,
        };
    }

    /// <summary>When the deadline's clock stopped; null while it runs (or is paused).</summary>
    public DateTimeOffset? StoppedAt(ComplaintDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Clock switch
        {
            ComplaintClockKind.Acknowledgement => AcknowledgedAt,
            ComplaintClockKind.Resolution => FirstResolvedAt,
            // A later reopen ends an earlier reopened clock without a resolution of its own.
            _ => ReopenedAt == deadline.StartedAt ? ReopenedResolvedAt : ReopenedAt,
        };
    }

    /// <summary>Business time to acknowledge, or elapsed so far (up to <paramref name="until"/>) while it runs.</summary>
    public TimeSpan AcknowledgementTime(DateTimeOffset until, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return ReceivedAt is { } received ? calendar.BusinessTimeBetween(received, Earliest(AcknowledgedAt, until)!.Value) : TimeSpan.Zero;
    }

    /// <summary>Business time to the first resolution without the waits on the customer, or elapsed so far while it runs.</summary>
    public TimeSpan ResolutionTime(DateTimeOffset until, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (ReceivedAt is not { } received)
        {
            return TimeSpan.Zero;
        }

        var end = Earliest(FirstResolvedAt, until)!.Value;
        var paused = PausedBeforeFirstResolution;
        if (FirstResolvedAt is null && WaitingSince is { } since && since < end)
        {
            paused += calendar.BusinessTimeBetween(since, end);
        }

        var elapsed = calendar.BusinessTimeBetween(received, end) - paused;
        return elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero;
    }

    private TimeSpan EndWait(DateTimeOffset since, DateTimeOffset at, BusinessCalendar calendar)
    {
        var paused = calendar.BusinessTimeBetween(since, at);
        if (FirstResolvedAt is null || since < FirstResolvedAt)
        {
            PausedBeforeFirstResolution += paused;
        }

        if (WaitingSince is { } waiting && waiting <= at)
        {
            WaitingSince = null;
        }

        LastWaitEndedAt = at;
        return paused;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? known, DateTimeOffset at) => known is { } value && value <= at ? value : at;
}
