using System.Globalization;
using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// Which CSV column feeds which customer field, and how one CSV record becomes <see cref="CustomerFields"/> (checked
/// afterwards by <see cref="CustomerDetails.TryCreate"/>, exactly like the API's JSON).
/// </summary>
public sealed class ImportMapping
{
    /// <summary>The fields a column can map to, besides <c>attributes.&lt;key&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "givenName", "familyName", "displayName", "companyName", "contactPerson", "kind", "email", "phone",
        "address.line1", "address.line2", "address.city", "address.region", "address.postalCode", "address.country",
        "homeBranch", "preferredLanguage", "preferredChannel", "tags", "externalId", "dateOfBirth",
    ];

    private static readonly Dictionary<string, string> FieldsByLooseName = Fields
        .Concat(["emails", "phones"])
        .ToDictionary(Loose, field => field switch { "emails" => "email", "phones" => "phone", _ => field }, StringComparer.Ordinal);

    private readonly (int Column, string Field)[] _columns;

    private ImportMapping(Dictionary<string, string> byHeader, (int Column, string Field)[] columns)
    {
        ByHeader = byHeader;
        _columns = columns;
    }

    /// <summary>Header → field, as used.</summary>
    public Dictionary<string, string> ByHeader { get; }

    public IEnumerable<string> MappedFields => _columns.Select(column => column.Field).Distinct();

    /// <summary>
    /// The mapping of <paramref name="header"/>: each explicit <c>header:field</c> pair, and every other column whose
    /// header names a field (loosely: <c>Given Name</c>, <c>given_name</c> and <c>givenName</c> all do); other columns are ignored.
    /// </summary>
    public static ImportMapping? Resolve(string[] header, IReadOnlyDictionary<string, string> explicitPairs, Dictionary<string, string[]> errors)
    {
        var byHeader = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new List<(int, string)>();
        var headerIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var column = 0; column < header.Length; column++)
        {
            headerIndex.TryAdd(header[column].Trim(), column);
        }

        foreach (var (csvHeader, field) in explicitPairs)
        {
            var known = Canonical(field);
            if (known is null)
            {
                AddError(errors, $"{csvHeader}: unknown field '{field}'; one of {string.Join(", ", Fields)}, or attributes.<key>.");
            }
            else if (!headerIndex.TryGetValue(csvHeader.Trim(), out var column))
            {
                AddError(errors, $"{csvHeader}: the file has no column with this header.");
            }
            else
            {
                byHeader[header[column]] = known;
                columns.Add((column, known));
            }
        }

        for (var column = 0; column < header.Length; column++)
        {
            if (byHeader.ContainsKey(header[column]) || explicitPairs.ContainsKey(header[column].Trim()))
            {
                continue;
            }

            if (Canonical(header[column]) is { } field)
            {
                byHeader[header[column]] = field;
                columns.Add((column, field));
            }
        }

        if (columns.Count == 0 && errors.Count == 0)
        {
            errors["map"] = ["No column maps to a customer field: name the fields in the header row or map them with map=header:field."];
        }

        return errors.Count > 0 ? null : new ImportMapping(byHeader, [.. columns]);
    }

    /// <summary>Rebuilds a stored mapping against the file's header.</summary>
    public static ImportMapping Restore(string[] header, Dictionary<string, string> byHeader)
    {
        var columns = new List<(int, string)>();
        for (var column = 0; column < header.Length; column++)
        {
            if (byHeader.TryGetValue(header[column], out var field))
            {
                columns.Add((column, field));
            }
        }

        return new ImportMapping(byHeader, [.. columns]);
    }

    /// <summary>The record as API fields; values that cannot even be read (a kind, channel or date) are added to <paramref name="errors"/>.</summary>
    public CustomerFields ToFields(string[] record, IReadOnlyDictionary<string, CustomAttributeDefinition> definitions, Dictionary<string, string[]> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var emails = new List<string?>();
        var phones = new List<string?>();
        var tags = new List<string?>();
        Dictionary<string, JsonElement>? attributes = null;
        foreach (var (column, field) in _columns)
        {
            var value = column < record.Length ? Unprotect(record[column]).Trim() : "";
            if (value.Length == 0)
            {
                continue;
            }

            switch (field)
            {
                case "email":
                    emails.AddRange(SplitList(value));
                    break;
                case "phone":
                    phones.AddRange(SplitList(value));
                    break;
                case "tags":
                    tags.AddRange(SplitList(value));
                    break;
                case var attribute when attribute.StartsWith("attributes.", StringComparison.Ordinal):
                    attributes ??= [];
                    var key = attribute["attributes.".Length..];
                    attributes[key] = AttributeValue(value, definitions.GetValueOrDefault(key));
                    break;
                default:
                    values[field] = value;
                    break;
            }
        }

        return new CustomerFields
        {
            Kind = ParseEnum<CustomerKind>(values.GetValueOrDefault("kind"), "kind", errors),
            DisplayName = values.GetValueOrDefault("displayName"),
            GivenName = values.GetValueOrDefault("givenName"),
            FamilyName = values.GetValueOrDefault("familyName"),
            CompanyName = values.GetValueOrDefault("companyName"),
            ContactPerson = values.GetValueOrDefault("contactPerson"),
            Emails = emails,
            Phones = phones,
            Address = Address(values),
            PreferredChannel = ParseEnum<ContactChannel>(values.GetValueOrDefault("preferredChannel"), "preferredChannel", errors),
            PreferredLanguage = values.GetValueOrDefault("preferredLanguage"),
            HomeBranch = values.GetValueOrDefault("homeBranch"),
            DateOfBirth = ParseDate(values.GetValueOrDefault("dateOfBirth"), errors),
            Tags = tags,
            ExternalId = values.GetValueOrDefault("externalId"),
            Attributes = attributes,
        };
    }

    // Under "map" rather than "map.<header>": a header is client text, and error keys are field paths.
    private static void AddError(Dictionary<string, string[]> errors, string message) =>
        errors["map"] = [.. errors.GetValueOrDefault("map") ?? [], message];

    private static string? Canonical(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("attributes.", StringComparison.OrdinalIgnoreCase))
        {
            var key = trimmed["attributes.".Length..];
            return CustomAttributeDefinition.IsValidKey(key) ? "attributes." + key : null;
        }

        return FieldsByLooseName.GetValueOrDefault(Loose(trimmed));
    }

    private static string Loose(string name) =>
        new([.. name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant)]);

    // Undoes the quote a CSV export puts before a cell a spreadsheet would run as a formula, so exports re-import.
    private static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static PostalAddress? Address(Dictionary<string, string> values)
    {
        string? Part(string name) => values.GetValueOrDefault("address." + name);
        if (!values.Keys.Any(key => key.StartsWith("address.", StringComparison.Ordinal)))
        {
            return null;
        }

        return new PostalAddress(Part("line1")!, Part("line2"), Part("city")!, Part("region"), Part("postalCode"), Part("country")!);
    }

    private static JsonElement AttributeValue(string value, CustomAttributeDefinition? definition)
    {
        // CSV cells are text; a number or boolean attribute reads them as the JSON literal they spell.
        if (definition?.Type is CustomAttributeType.Number && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return JsonSerializer.SerializeToElement(number);
        }

        if (definition?.Type is CustomAttributeType.Boolean && bool.TryParse(value, out var flag))
        {
            return JsonSerializer.SerializeToElement(flag);
        }

        return JsonSerializer.SerializeToElement(value);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[field] = [$"One of: {string.Join(", ", Enum.GetNames<TEnum>().Select(name => char.ToLowerInvariant(name[0]) + name[1..]))}."];
        return null;
    }

    private static DateOnly? ParseDate(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors["dateOfBirth"] = ["A date, yyyy-MM-dd."];
        return null;
    }
}
