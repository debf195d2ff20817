using System.Globalization;

namespace CustomerPlatform.Standards.Domain;

/// <summary>
/// A service period: for now a calendar month in UTC (the business's own choice of week, month or quarter,
/// in its branches' time zones, comes with the Standards issue).
/// </summary>
public readonly record struct ServicePeriod(DateOnly Start)
{
    public DateOnly End => Start.AddMonths(1);

    public static ServicePeriod Containing(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return new ServicePeriod(new DateOnly(utc.Year, utc.Month, 1));
    }

    /// <summary>Parses <c>yyyy-MM</c>.</summary>
    public static bool TryParse(string? text, out ServicePeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-'
            // NumberStyles.None: digits only, so "2026-+1" and "2026- 1" are not January.
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 2000 or > 9998 || month is < 1 or > 12)
        {
            return false;
        }

        period = new ServicePeriod(new DateOnly(year, month, 1));
        return true;
    }

    public override string ToString() => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
