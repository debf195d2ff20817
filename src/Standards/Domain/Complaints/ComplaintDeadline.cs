using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Domain.Complaints;

/// <summary>
/// One complaint clock held to one complaint-time standard, at the version in force when the clock started: when it
/// warns and when it is due, on the branch's business hours. A row with a due time the deadline worker picks up
/// (<see cref="NextCheckAt"/>), not a scheduled message.
/// </summary>
public sealed class ComplaintDeadline : ITenantOwned
{
    private ComplaintDeadline()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public Guid StandardId { get; private init; }
    public int StandardVersion { get; private init; }
    public string Metric { get; private init; } = "";
    public ComplaintClockKind Clock { get; private init; }
    public string Branch { get; private init; } = "";
    public DateTimeOffset StartedAt { get; private init; }

    /// <summary>When the standard's warning threshold passes; null when it has none.</summary>
    public DateTimeOffset? WarnAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? WarnedAt { get; private set; }
    public DateTimeOffset? BreachedAt { get; private set; }

    /// <summary>When the clock stopped; the deadline is settled from then on.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>The next time the worker must look at it (warning, then due); null once settled.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <param name="alreadyPaused">Business time the clock was already paused when its deadline is set (events out of order).</param>
    public static ComplaintDeadline Open(
        ComplaintClock clock, ServiceStandard standard, ComplaintClockKind kind, DateTimeOffset startedAt, BusinessCalendar calendar, TimeSpan alreadyPaused)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(standard);
        var terms = standard.Terms;
        var deadline = new ComplaintDeadline
        {
            Id = Guid.CreateVersion7(startedAt),
            TenantId = clock.TenantId,
            ComplaintId = clock.ComplaintId,
            StandardId = standard.Id,
            StandardVersion = standard.CurrentVersion,
            Metric = standard.Metric,
            Clock = kind,
            Branch = clock.Branch,
            StartedAt = startedAt,
            DueAt = After(calendar, startedAt, Minutes(terms.Target) + alreadyPaused),
            // A warning at or past the target would never come before the breach.
            WarnAt = terms.Warning is { } warning && warning < terms.Target ? After(calendar, startedAt, Minutes(warning) + alreadyPaused) : null,
        };
        deadline.UpdateNextCheck();
        return deadline;
    }

    /// <summary>Moves a running deadline on by business time spent waiting on the customer.</summary>
    public void Postpone(TimeSpan paused, BusinessCalendar calendar)
    {
        if (paused <= TimeSpan.Zero || DoneAt is not null || BreachedAt is not null)
        {
            return;
        }

        DueAt = After(calendar, DueAt, paused);
        if (WarnedAt is null && WarnAt is { } warnAt)
        {
            WarnAt = After(calendar, warnAt, paused);
        }

        UpdateNextCheck();
    }

    public void Warn(DateTimeOffset now)
    {
        WarnedAt ??= now;
        UpdateNextCheck();
    }

    public void Breach(DateTimeOffset now)
    {
        BreachedAt ??= now;
        UpdateNextCheck();
    }

    /// <returns>True when the clock stopped past the due time with no breach recorded yet (its events came late).</returns>
    public bool Stop(DateTimeOffset stoppedAt)
    {
        DoneAt ??= stoppedAt;
        UpdateNextCheck();
        return BreachedAt is null && DoneAt > DueAt;
    }

    public bool IsWarningDue(DateTimeOffset now) => WarnedAt is null && WarnAt is { } warnAt && warnAt <= now && now < DueAt;

    public bool IsDue(DateTimeOffset now) => BreachedAt is null && DueAt <= now;

    private void UpdateNextCheck() => NextCheckAt =
        DoneAt is not null || BreachedAt is not null ? null
        : WarnedAt is null && WarnAt is { } warnAt ? warnAt
        : DueAt;

    private static TimeSpan Minutes(decimal minutes) => TimeSpan.FromMinutes((double)minutes);

    // A long target on a branch open an hour a week can end beyond the calendar's horizon: counted round the clock
    // instead, rather than losing the complaint's deadline.
    private static DateTimeOffset After(BusinessCalendar calendar, DateTimeOffset start, TimeSpan businessTime)
    {
        try
        {
            return calendar.Add(start, businessTime);
        }
        catch (InvalidOperationException)
        {
            return start + businessTime;
        }
    }
}
