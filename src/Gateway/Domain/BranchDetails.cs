using System.Text.RegularExpressions;
using CustomerPlatform.Contracts.Branches;

namespace CustomerPlatform.Gateway.Domain;

/// <summary>
/// What a business says about a branch, checked and normalised: trimmed text, an IANA time zone, opening hours
/// sorted by day and time without overlaps, holidays sorted by date without repeats.
/// </summary>
public sealed partial record BranchDetails(
    string Name,
    PostalAddress? Address,
    string TimeZone,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    IReadOnlyList<Holiday> Holidays)
{
    public const int MaxCodeLength = 50;
    public const int MaxOpeningPeriods = 7 * 4;
    public const int MaxHolidays = 100;

    /// <summary>Letters, digits, '-', '_' and '.', starting with a letter or digit: safe in paths, keys and reports.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>
    /// The checked details, or the field errors (keyed by JSON path, e.g. <c>openingHours[1].closes</c>) that
    /// say everything wrong at once.
    /// </summary>
    public static BranchDetails? TryCreate(
        string? name,
        PostalAddress? address,
        string? timeZone,
        IReadOnlyList<OpeningPeriod?>? openingHours,
        IReadOnlyList<Holiday?>? holidays,
        Dictionary<string, string[]> errors)
    {
        var errorsBefore = errors.Count;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["A name is required."];
        }

        CheckAddress(address, errors);
        var zone = CheckTimeZone(timeZone, errors);
        var hours = CheckOpeningHours(openingHours ?? [], errors);
        var days = CheckHolidays(holidays ?? [], errors);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        return new BranchDetails(name!.Trim(), address?.Normalised(), zone!, hours, days);
    }

    private static void CheckAddress(PostalAddress? address, Dictionary<string, string[]> errors)
    {
        foreach (var (field, message) in address?.Problems("address") ?? [])
        {
            errors[field] = [message];
        }
    }

    private static string? CheckTimeZone(string? timeZone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors["timeZone"] = ["An IANA time zone is required, e.g. Europe/London."];
            return null;
        }

        var trimmed = timeZone.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) && zone.HasIanaId)
        {
            return zone.Id;
        }

        errors["timeZone"] = [$"'{Shorten(trimmed)}' is not an IANA time zone; use one such as Europe/London or America/New_York."];
        return null;
    }

    private static List<OpeningPeriod> CheckOpeningHours(IReadOnlyList<OpeningPeriod?> periods, Dictionary<string, string[]> errors)
    {
        if (periods.Count > MaxOpeningPeriods)
        {
            errors["openingHours"] = [$"At most {MaxOpeningPeriods} opening periods."];
            return [];
        }

        for (var index = 0; index < periods.Count; index++)
        {
            var period = periods[index];
            if (period is null)
            {
                errors[$"openingHours[{index}]"] = ["An opening period is required here."];
            }
            else if (period.ClosesAfterMidnight <= period.Opens.ToTimeSpan())
            {
                errors[$"openingHours[{index}].closes"] = ["Closing must be after opening on the same day (00:00 means midnight)."];
            }
        }

        var valid = periods.OfType<OpeningPeriod>().ToList();
        var sorted = valid.OrderBy(period => ((int)period.Day + 6) % 7).ThenBy(period => period.Opens).ToList();
        for (var index = 1; index < sorted.Count; index++)
        {
            var (earlier, later) = (sorted[index - 1], sorted[index]);
            if (earlier.Day == later.Day && later.Opens.ToTimeSpan() < earlier.ClosesAfterMidnight)
            {
                errors[$"openingHours[{IndexOf(periods, later)}]"] = [$"Overlaps another opening period on {earlier.Day}."];
            }
        }

        return sorted;
    }

    private static List<Holiday> CheckHolidays(IReadOnlyList<Holiday?> holidays, Dictionary<string, string[]> errors)
    {
        if (holidays.Count > MaxHolidays)
        {
            errors["holidays"] = [$"At most {MaxHolidays} holidays; remove past ones."];
            return [];
        }

        var seen = new HashSet<DateOnly>();
        var checkedHolidays = new List<Holiday>();
        for (var index = 0; index < holidays.Count; index++)
        {
            var holiday = holidays[index];
            if (holiday is null)
            {
                errors[$"holidays[{index}]"] = ["A holiday is required here."];
                continue;
            }

            Require(holiday.Name, $"holidays[{index}].name", 100, errors);
            if (!seen.Add(holiday.Date))
            {
                errors[$"holidays[{index}].date"] = [$"{holiday.Date:yyyy-MM-dd} is listed twice."];
            }

            checkedHolidays.Add(holiday with { Name = holiday.Name?.Trim() ?? "" });
        }

        return [.. checkedHolidays.OrderBy(holiday => holiday.Date)];
    }

    private static void Require(string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["This field is required."];
        }
        else
        {
            Limit(text, field, maxLength, errors);
        }
    }

    private static void Limit(string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (text is not null && text.Trim().Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }

    private static int IndexOf(IReadOnlyList<OpeningPeriod?> periods, OpeningPeriod period)
    {
        for (var index = 0; index < periods.Count; index++)
        {
            if (ReferenceEquals(periods[index], period))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Client text quoted in an error message, cut to 64 characters so a huge value cannot bloat the answer.</summary>
    internal static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$")]
    private static partial Regex CodePattern();
}
