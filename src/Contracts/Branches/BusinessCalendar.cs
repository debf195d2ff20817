namespace CustomerPlatform.Contracts.Branches;

/// <summary>
/// A branch's business hours as a clock, for service deadlines ("acknowledged within one business day"): how much
/// business time lies between two instants, and when a span of business time that starts at an instant ends. Opening
/// spans are local to the branch's time zone, so a deadline follows daylight-saving changes; holidays are closed.
/// </summary>
public sealed class BusinessCalendar
{
    // Far enough for any service target (a year of one-hour weeks), near enough to stop a loop over a closed calendar.
    private const int MaxDaysAhead = 3660;

    private readonly TimeZoneInfo _zone;
    private readonly ILookup<DayOfWeek, OpeningPeriod> _hours;
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>A calendar of spans in an IANA time zone, closed on <paramref name="holidays"/> (local dates).</summary>
    public BusinessCalendar(string timeZone, IReadOnlyList<OpeningPeriod> openingHours, IReadOnlyList<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(openingHours);
        ArgumentNullException.ThrowIfNull(holidays);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _hours = openingHours.ToLookup(period => period.Day);
        _holidays = holidays.Select(holiday => holiday.Date).ToHashSet();
        HasOpeningHours = openingHours.Count > 0;
    }

    /// <summary>A calendar that is always open (in UTC): business time is plain elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        "UTC", Enum.GetValues<DayOfWeek>().Select(day => new OpeningPeriod(day, TimeOnly.MinValue, TimeOnly.MinValue)).ToList(), []);

    /// <summary>False for a branch whose week has no opening hours: no span of business time ever ends there.</summary>
    public bool HasOpeningHours { get; }

    /// <summary>The branch's calendar as the branch directory's events describe it.</summary>
    public static BusinessCalendar Of(IBranchSnapshot branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return new BusinessCalendar(branch.TimeZone, branch.OpeningHours, branch.Holidays);
    }

    /// <summary>Business time between <paramref name="from"/> and <paramref name="to"/> (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var lastDay = LocalDate(to);
        for (var day = LocalDate(from).AddDays(-1); day <= lastDay; day = day.AddDays(1))
        {
            foreach (var (opens, closes) in OpenSpans(day))
            {
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of business time, counted from <paramref name="start"/>,
    /// has passed. Throws when the calendar has no opening hours (<see cref="HasOpeningHours"/>).
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (!HasOpeningHours)
        {
            throw new InvalidOperationException("A calendar without opening hours has no business time.");
        }

        var remaining = businessTime;
        var firstDay = LocalDate(start).AddDays(-1);
        for (var day = firstDay; day <= firstDay.AddDays(MaxDaysAhead); day = day.AddDays(1))
        {
            foreach (var (opens, closes) in OpenSpans(day))
            {
                var from = opens > start ? opens : start;
                if (closes <= from)
                {
                    continue;
                }

                if (remaining <= closes - from)
                {
                    return from + remaining;
                }

                remaining -= closes - from;
            }
        }

        throw new InvalidOperationException($"{businessTime} of business time does not end within {MaxDaysAhead} days.");
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>The day's opening spans as instants, in order; none on a holiday.</summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> OpenSpans(DateOnly day)
    {
        if (_holidays.Contains(day))
        {
            yield break;
        }

        foreach (var period in _hours[day.DayOfWeek].OrderBy(period => period.Opens))
        {
            yield return (Instant(day, period.Opens.ToTimeSpan()), Instant(day, period.ClosesAfterMidnight));
        }
    }

    /// <summary>The instant of a local wall-clock time; a time skipped by a clock change counts as the moment after the gap.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeSpan sinceMidnight)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(sinceMidnight);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone), TimeSpan.Zero);
    }
}
