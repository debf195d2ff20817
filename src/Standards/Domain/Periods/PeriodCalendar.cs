namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>One service period, [Start, End) in UTC days.</summary>
public readonly record struct PeriodSpan(DateOnly Start, DateOnly End)
{
    public DateTimeOffset From => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset To => new(End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool HasEndedAt(DateTimeOffset now) => To <= now;
}

/// <summary>
/// Cuts time into periods of one length. Periods fall on natural boundaries (a Monday, the 1st, a quarter day), so
/// any two businesses with the same length share their periods; the business's first period only sets where they begin.
/// Days are UTC days: a period ends at midnight UTC, whatever its branches' time zones.
/// </summary>
public readonly record struct PeriodCalendar(PeriodLength Length)
{
    public bool IsStart(DateOnly day) => Containing(day).Start == day;

    public PeriodSpan Containing(DateOnly day)
    {
        var start = Length switch
        {
            // DayOfWeek counts from Sunday; a week here starts on Monday.
            PeriodLength.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            PeriodLength.Month => new DateOnly(day.Year, day.Month, 1),
            _ => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        };
        return new PeriodSpan(start, EndOf(start));
    }

    public PeriodSpan Containing(DateTimeOffset moment) => Containing(DateOnly.FromDateTime(moment.UtcDateTime));

    /// <summary>The period that starts on <paramref name="start"/>, which must be a period start.</summary>
    public PeriodSpan StartingOn(DateOnly start) => new(start, EndOf(start));

    public PeriodSpan Before(PeriodSpan period) => Containing(period.Start.AddDays(-1));

    public string StartRule => Length switch
    {
        PeriodLength.Week => "A weekly period starts on a Monday.",
        PeriodLength.Month => "A monthly period starts on the 1st of a month.",
        _ => "A quarterly period starts on 1 January, 1 April, 1 July or 1 October.",
    };

    private DateOnly EndOf(DateOnly start) => Length switch
    {
        PeriodLength.Week => start.AddDays(7),
        PeriodLength.Month => start.AddMonths(1),
        _ => start.AddMonths(3),
    };
}
