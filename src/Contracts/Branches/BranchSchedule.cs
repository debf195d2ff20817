using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerPlatform.Contracts.Branches;

/// <summary>
/// One span of a weekday when a branch is open, in the branch's local time. A day may have several spans (a lunch
/// break); a day with none is closed. <see cref="Closes"/> is after <see cref="Opens"/>, except <c>00:00</c>, which
/// means midnight at the end of the day.
/// </summary>
/// <param name="Day">The weekday, in lower case: <c>monday</c> … <c>sunday</c>.</param>
/// <param name="Opens">Local opening time, <c>HH:mm:ss</c> (<c>HH:mm</c> is accepted).</param>
/// <param name="Closes">Local closing time, <c>HH:mm:ss</c>; <c>00:00:00</c> is midnight at the end of the day.</param>
public sealed record OpeningPeriod(
    [property: JsonConverter(typeof(WeekdayJsonConverter))] DayOfWeek Day,
    TimeOnly Opens,
    TimeOnly Closes)
{
    /// <summary>The closing time as a span from the day's start, so midnight (<c>00:00</c>) is 24 hours.</summary>
    [JsonIgnore]
    public TimeSpan ClosesAfterMidnight => Closes == TimeOnly.MinValue ? TimeSpan.FromHours(24) : Closes.ToTimeSpan();
}

/// <summary>A date on which the branch is closed all day, in its local calendar.</summary>
/// <param name="Date">The local date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Name">What the day is, e.g. "Christmas Day".</param>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>A postal address.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Anything else: building, floor, unit.</param>
/// <param name="City">Town or city.</param>
/// <param name="Region">State, county or province, where the country uses one.</param>
/// <param name="PostalCode">Postal or ZIP code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, upper case.</param>
public sealed record PostalAddress(string Line1, string? Line2, string City, string? Region, string? PostalCode, string Country)
{
    /// <summary>
    /// What is wrong with the address as a client sent it (deserialised JSON can leave required parts null), each
    /// as the field's camelCase name under <paramref name="prefix"/> and a message; empty when it is fine.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Problems(string prefix)
    {
        foreach (var (field, text, max, required) in new[]
                 {
                     ("line1", Line1, 200, true), ("line2", Line2, 200, false), ("city", City, 100, true),
                     ("region", Region, 100, false), ("postalCode", PostalCode, 20, false),
                 })
        {
            if (required && string.IsNullOrWhiteSpace(text))
            {
                yield return ($"{prefix}.{field}", "This field is required.");
            }
            else if (text is not null && text.Trim().Length > max)
            {
                yield return ($"{prefix}.{field}", $"At most {max} characters.");
            }
        }

        var country = Country?.Trim();
        if (country is not { Length: 2 } || !country.All(char.IsAsciiLetter))
        {
            yield return ($"{prefix}.country", "An ISO 3166-1 alpha-2 country code is required, e.g. GB or DE.");
        }
    }

    /// <summary>The address trimmed, blank optional parts as null, the country upper case.</summary>
    public PostalAddress Normalised() => new(
        Line1.Trim(), Blank(Line2), City.Trim(), Blank(Region), Blank(PostalCode), Country.Trim().ToUpperInvariant());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Weekdays as lower-case names on every channel: on the property, so neither the HTTP API's options nor the bus
/// serializer's can render them differently.
/// </summary>
public sealed class WeekdayJsonConverter() : JsonStringEnumConverter<DayOfWeek>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
