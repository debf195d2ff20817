using System.Globalization;
using CustomerPlatform.Standards.Domain;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// The days an evidence pack covers, in UTC, both included: <c>from</c> and <c>to</c>, or a named month
/// (<c>month=2026-11</c>) or quarter (<c>quarter=2026-Q4</c>).
/// </summary>
public sealed record EvidencePackPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366 * 5;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant after the last day.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The period, or null with <paramref name="errors"/> filled: exactly one of the three forms is required.</summary>
    public static EvidencePackPeriod? TryRead(string? from, string? to, string? month, string? quarter, IDictionary<string, string[]> errors)
    {
        var forms = (from is not null || to is not null ? 1 : 0) + (month is not null ? 1 : 0) + (quarter is not null ? 1 : 0);
        if (forms != 1)
        {
            errors["period"] = ["Name the period one way: from and to (yyyy-mm-dd), month (yyyy-mm) or quarter (yyyy-Qn)."];
            return null;
        }

        if (month is not null)
        {
            if (ServicePeriod.TryParse(month, out var servicePeriod))
            {
                return new EvidencePackPeriod(servicePeriod.Start, servicePeriod.End.AddDays(-1));
            }

            errors["month"] = ["A month as yyyy-mm, e.g. 2026-11."];
            return null;
        }

        if (quarter is not null)
        {
            if (quarter is { Length: 7 } && quarter[4] == '-' && quarter[5] is 'Q' or 'q' && quarter[6] is >= '1' and <= '4'
                && int.TryParse(quarter.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9998)
            {
                var first = new DateOnly(year, ((quarter[6] - '1') * 3) + 1, 1);
                return new EvidencePackPeriod(first, first.AddMonths(3).AddDays(-1));
            }

            errors["quarter"] = ["A quarter as yyyy-Qn, e.g. 2026-Q4."];
            return null;
        }

        var fromDate = ReadDate("from", from, errors);
        var toDate = ReadDate("to", to, errors);
        if (fromDate is null || toDate is null)
        {
            return null;
        }

        if (fromDate > toDate)
        {
            errors["from"] = ["'from' cannot be after 'to'."];
            return null;
        }

        if (toDate.Value.DayNumber - fromDate.Value.DayNumber >= MaxDays)
        {
            errors["to"] = [$"An evidence pack covers at most {MaxDays} days."];
            return null;
        }

        return new EvidencePackPeriod(fromDate.Value, toDate.Value);
    }

    private static DateOnly? ReadDate(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 9998)
        {
            return date;
        }

        errors[name] = ["A date as yyyy-mm-dd, from 2000 on."];
        return null;
    }
}
