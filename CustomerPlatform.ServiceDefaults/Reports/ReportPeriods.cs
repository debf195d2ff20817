namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>Period bucketing, the same rule the report's SQL applies with <c>date_trunc</c>.</summary>
public static class ReportPeriods
{
    /// <summary>The bucket's name for PostgreSQL's <c>date_trunc</c>, which buckets the same way.</summary>
    public static string SqlUnit(ReportPeriod period) => period switch
    {
        ReportPeriod.Week => "week",
        ReportPeriod.Month => "month",
        ReportPeriod.Quarter => "quarter",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>The first day of the bucket holding <paramref name="day"/>: its ISO week's Monday, the 1st of its month or of its quarter.</summary>
    public static DateOnly StartOf(DateOnly day, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        ReportPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>The start of the bucket after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, ReportPeriod period) => Shift(start, period, 1);

    /// <summary>The start of the bucket before the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Previous(DateOnly start, ReportPeriod period) => Shift(start, period, -1);

    /// <summary>The last day of the bucket starting at <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, ReportPeriod period) => Next(start, period).AddDays(-1);

    /// <summary>How many buckets from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, both included.</summary>
    public static int Count(DateOnly from, DateOnly to, ReportPeriod period)
    {
        var first = StartOf(from, period);
        var last = StartOf(to, period);
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month;
        return period switch
        {
            ReportPeriod.Week => ((last.DayNumber - first.DayNumber) / 7) + 1,
            ReportPeriod.Quarter => (months / 3) + 1,
            _ => months + 1,
        };
    }

    /// <summary>The starts of the buckets from <paramref name="first"/> to <paramref name="last"/> (bucket starts), in order.</summary>
    public static IEnumerable<DateOnly> Starts(DateOnly first, DateOnly last, ReportPeriod period)
    {
        for (var start = first; start <= last; start = Next(start, period))
        {
            yield return start;
        }
    }

    private static DateOnly Shift(DateOnly start, ReportPeriod period, int buckets) => period switch
    {
        ReportPeriod.Week => start.AddDays(7 * buckets),
        ReportPeriod.Month => start.AddMonths(buckets),
        ReportPeriod.Quarter => start.AddMonths(3 * buckets),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };
}
