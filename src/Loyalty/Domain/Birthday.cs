using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// A customer's birthday as month and day only (<c>MM-dd</c>, as Customers publishes it): Loyalty needs no year, so it
/// never learns an age. 29 February falls on 28 February in a year that has no 29th.
/// </summary>
public sealed record Birthday
{
    private Birthday(int month, int day)
    {
        Month = month;
        Day = day;
    }

    public int Month { get; }
    public int Day { get; }

    /// <summary>The birthday in <c>MM-dd</c>, or null when the text is not one (a leap day is one).</summary>
    public static Birthday? Parse(string? text) =>
        text is { Length: 5 }
        && DateOnly.TryParseExact($"2000-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Birthday(date.Month, date.Day)
            : null;

    /// <summary>The day it falls on in <paramref name="year"/>.</summary>
    public DateOnly In(int year) =>
        Month == 2 && Day == 29 && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, Month, Day);

    /// <summary>The first birthday on or after <paramref name="date"/>.</summary>
    public DateOnly NextOnOrAfter(DateOnly date) => In(date.Year) is var thisYear && thisYear >= date ? thisYear : In(date.Year + 1);

    /// <summary>
    /// The ledger source id of an account's birthday bonus for one year: derived from both, so paying a year again (a
    /// re-run, a second replica) finds the same id and the unique ledger key refuses it.
    /// </summary>
    public static Guid BonusSourceId(Guid accountId, int year)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"birthday|{accountId:N}|{year.ToString(CultureInfo.InvariantCulture)}"));
        // RFC 9562 version 8 (custom) with the RFC variant, so it reads as a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}");
}
