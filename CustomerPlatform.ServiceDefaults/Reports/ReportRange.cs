using System.Globalization;

namespace CustomerPlatform.ServiceDefaults.Reports;

/// <summary>
/// The buckets a report covers, from the one holding <c>from</c> to the one holding <c>to</c>. Each is compared
/// with the bucket before it, so the query also reads <see cref="QueryStart"/>, one bucket earlier.
/// </summary>
public sealed record ReportRange(ReportPeriod Period, DateOnly First, DateOnly Last)
{
    public const int DefaultBuckets = 12;
    public const int MaxWeeks = 104;
    public const int MaxMonths = 36;
    public const int MaxQuarters = 20;

    // Far enough from DateOnly's limits that a bucket before or after always exists.
    private static readonly DateOnly EarliestDate = new(1900, 1, 1);
    private static readonly DateOnly LatestDate = new(9998, 12, 31);

    public int BucketCount => ReportPeriods.Count(First, Last, Period);

    /// <summary>Where the query starts: the bucket before <see cref="First"/>, the first one's comparison.</summary>
    public DateOnly QueryStart => ReportPeriods.Previous(First, Period);

    /// <summary>Where the query ends (exclusive): the day after the last bucket.</summary>
    public DateOnly End => ReportPeriods.Next(Last, Period);

    /// <summary>The last day of the last bucket.</summary>
    public DateOnly LastDay => ReportPeriods.EndOf(Last, Period);

    public static int MaxBuckets(ReportPeriod period) => period switch
    {
        ReportPeriod.Week => MaxWeeks,
        ReportPeriod.Quarter => MaxQuarters,
        _ => MaxMonths,
    };

    /// <summary>
    /// Reads the query parameters: <paramref name="period"/> <c>week</c> (default), <c>month</c> or <c>quarter</c>; dates as
    /// <c>yyyy-MM-dd</c>; <paramref name="to"/> defaults to <paramref name="today"/>, <paramref name="from"/> to
    /// <see cref="DefaultBuckets"/> buckets ending with <paramref name="to"/>'s. Null with <paramref name="errors"/>
    /// filled when they are not acceptable.
    /// </summary>
    public static ReportRange? TryRead(string? period, string? from, string? to, DateOnly today, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ReportPeriod bucket;
        switch (period?.Trim().ToLowerInvariant())
        {
            case null or "" or "week":
                bucket = ReportPeriod.Week;
                break;
            case "month":
                bucket = ReportPeriod.Month;
                break;
            case "quarter":
                bucket = ReportPeriod.Quarter;
                break;
            default:
                errors["period"] = ["Use 'week', 'month' or 'quarter'."];
                return null;
        }

        var fromDate = ReadDate("from", from, errors);
        var toDate = ReadDate("to", to, errors) ?? today;
        if (errors.Count > 0)
        {
            return null;
        }

        var last = ReportPeriods.StartOf(toDate, bucket);
        DateOnly first;
        if (fromDate is { } given)
        {
            if (given > toDate)
            {
                errors["from"] = ["'from' cannot be after 'to'."];
                return null;
            }

            first = ReportPeriods.StartOf(given, bucket);
        }
        else
        {
            first = last;
            for (var bucketsBack = 1; bucketsBack < DefaultBuckets; bucketsBack++)
            {
                first = ReportPeriods.Previous(first, bucket);
            }
        }

        var range = new ReportRange(bucket, first, last);
        if (range.BucketCount > MaxBuckets(bucket))
        {
            errors["to"] = [$"A report covers at most {MaxBuckets(bucket)} {bucket.ToString().ToLowerInvariant()}s; this range has {range.BucketCount}."];
            return null;
        }

        return range;
    }

    private static DateOnly? ReadDate(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = ["A date as yyyy-mm-dd."];
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            errors[name] = [$"A date from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}."];
            return null;
        }

        return date;
    }
}
