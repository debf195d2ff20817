using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerPlatform.Contracts.Branches;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A customer's details, checked and normalised: trimmed text (blank is absent), e-mails lower case and phones in
/// E.164 without repeats, tags lower case without repeats, custom attributes matching their definitions.
/// </summary>
public sealed partial record CustomerDetails(
    CustomerKind Kind,
    string DisplayName,
    string? GivenName,
    string? FamilyName,
    string? CompanyName,
    string? ContactPerson,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address,
    ContactChannel? PreferredChannel,
    string? PreferredLanguage,
    string? HomeBranch,
    DateOnly? DateOfBirth,
    string? SpecialNeeds,
    string? AccessibilityNotes,
    int? Rating,
    string? RatingReason,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    string? ExternalId = null)
{
    public const int MaxExternalIdLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxContactPoints = 10;
    public const int MaxTags = 50;
    public const int MaxTagLength = 50;
    public const int MaxNotesLength = 2000;
    public const int MaxAttributes = 50;
    public const string InvalidEmail = "Not a valid e-mail address.";
    public const string InvalidPhone = "Not a valid phone number: include the country code, e.g. +44 20 7946 0958.";

    /// <summary>
    /// The checked details, or null with the field errors (keyed by JSON path, e.g. <c>emails[1]</c>) that say
    /// everything wrong at once.
    /// </summary>
    public static CustomerDetails? TryCreate(
        CustomerFields fields,
        IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
        DateOnly today,
        Dictionary<string, string[]> errors)
    {
        var errorsBefore = errors.Count;
        var kind = fields.Kind ?? CustomerKind.Individual;
        var givenName = Text(fields.GivenName, "givenName", MaxNameLength, errors);
        var familyName = Text(fields.FamilyName, "familyName", MaxNameLength, errors);
        var companyName = Text(fields.CompanyName, "companyName", MaxNameLength, errors);
        var contactPerson = Text(fields.ContactPerson, "contactPerson", MaxNameLength, errors);
        if (kind == CustomerKind.Business && companyName is null)
        {
            errors["companyName"] = ["A business customer needs a company name."];
        }

        var displayName = Text(fields.DisplayName, "displayName", MaxNameLength, errors) ?? DefaultDisplayName(kind, givenName, familyName, companyName);
        if (displayName is null && !errors.ContainsKey("companyName"))
        {
            errors["displayName"] = ["A display name is required (or a given or family name to build it from)."];
        }

        var emails = ContactPoints(fields.Emails, "emails", errors, text => EmailAddress.TryParse(text, out var email) ? email!.Value : null, InvalidEmail);
        var phones = ContactPoints(fields.Phones, "phones", errors, text => PhoneNumber.TryParse(text, out var phone) ? phone!.Value : null, InvalidPhone);
        foreach (var (field, message) in fields.Address?.Problems("address") ?? [])
        {
            errors[field] = [message];
        }

        var language = Language(fields.PreferredLanguage, errors);
        var homeBranch = Text(fields.HomeBranch, "homeBranch", 50, errors);
        if (fields.DateOfBirth is { } born && (born > today || born.Year < 1900))
        {
            errors["dateOfBirth"] = ["A date of birth is in the past and no earlier than 1900."];
        }

        var specialNeeds = Text(fields.SpecialNeeds, "specialNeeds", MaxNotesLength, errors);
        var accessibility = Text(fields.AccessibilityNotes, "accessibilityNotes", MaxNotesLength, errors);
        if (fields.Rating is < 1 or > 5)
        {
            errors["rating"] = ["A rating is from 1 to 5."];
        }

        var ratingReason = Text(fields.RatingReason, "ratingReason", 500, errors);
        if (ratingReason is not null && fields.Rating is null)
        {
            errors["ratingReason"] = ["A rating reason goes with a rating."];
        }

        var tags = CheckTags(fields.Tags, errors);
        var attributes = CheckAttributes(fields.Attributes, definitions, errors);
        var externalId = Text(fields.ExternalId, "externalId", MaxExternalIdLength, errors);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        return new CustomerDetails(
            kind, displayName!, givenName, familyName, companyName, contactPerson, emails, phones, fields.Address?.Normalised(),
            fields.PreferredChannel, language, homeBranch, fields.DateOfBirth, specialNeeds, accessibility, fields.Rating,
            ratingReason, tags, attributes, externalId);
    }

    /// <summary>The JSON names of the fields that differ in <paramref name="other"/>.</summary>
    public IReadOnlyList<string> ChangedFields(CustomerDetails other)
    {
        var changed = new List<string>();
        void Compare(bool same, string field)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Compare(Kind == other.Kind, "kind");
        Compare(DisplayName == other.DisplayName, "displayName");
        Compare(GivenName == other.GivenName, "givenName");
        Compare(FamilyName == other.FamilyName, "familyName");
        Compare(CompanyName == other.CompanyName, "companyName");
        Compare(ContactPerson == other.ContactPerson, "contactPerson");
        Compare(Emails.SequenceEqual(other.Emails), "emails");
        Compare(Phones.SequenceEqual(other.Phones), "phones");
        Compare(Address == other.Address, "address");
        Compare(PreferredChannel == other.PreferredChannel, "preferredChannel");
        Compare(PreferredLanguage == other.PreferredLanguage, "preferredLanguage");
        Compare(HomeBranch == other.HomeBranch, "homeBranch");
        Compare(DateOfBirth == other.DateOfBirth, "dateOfBirth");
        Compare(SpecialNeeds == other.SpecialNeeds, "specialNeeds");
        Compare(AccessibilityNotes == other.AccessibilityNotes, "accessibilityNotes");
        Compare(Rating == other.Rating && RatingReason == other.RatingReason, "rating");
        Compare(Tags.SequenceEqual(other.Tags), "tags");
        Compare(SameAttributes(Attributes, other.Attributes), "attributes");
        Compare(ExternalId == other.ExternalId, "externalId");
        return changed;
    }

    /// <summary>
    /// How complete the record is, 0 to 100: the share of the details a business most often needs that are filled
    /// in. A name always is; reachability (an e-mail or a phone) weighs most.
    /// </summary>
    public int Completeness()
    {
        (bool Filled, int Weight)[] parts =
        [
            (Kind == CustomerKind.Business ? CompanyName is not null : GivenName is not null && FamilyName is not null, 15),
            (Emails.Count > 0, 20),
            (Phones.Count > 0, 20),
            (Address is not null, 15),
            (PreferredChannel is not null, 5),
            (PreferredLanguage is not null, 5),
            (HomeBranch is not null, 10),
            (Kind == CustomerKind.Business ? ContactPerson is not null : DateOfBirth is not null, 10),
        ];
        return parts.Where(part => part.Filled).Sum(part => part.Weight);
    }

    private static string? DefaultDisplayName(CustomerKind kind, string? givenName, string? familyName, string? companyName)
    {
        if (kind == CustomerKind.Business)
        {
            return companyName;
        }

        var name = string.Join(' ', new[] { givenName, familyName }.Where(part => part is not null));
        return name.Length == 0 ? null : name;
    }

    private static string? Text(string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }

        return trimmed;
    }

    private static List<string> ContactPoints(
        IReadOnlyList<string?>? inputs, string field, Dictionary<string, string[]> errors, Func<string?, string?> normalise, string invalid)
    {
        if (inputs is null)
        {
            return [];
        }

        if (inputs.Count > MaxContactPoints)
        {
            errors[field] = [$"At most {MaxContactPoints}."];
            return [];
        }

        var values = new List<string>();
        for (var index = 0; index < inputs.Count; index++)
        {
            var value = normalise(inputs[index]);
            if (value is null)
            {
                errors[$"{field}[{index}]"] = [invalid];
            }
            else if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string? Language(string? tag, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var trimmed = tag.Trim();
        if (!LanguagePattern().IsMatch(trimmed))
        {
            errors["preferredLanguage"] = ["A BCP 47 language tag, e.g. en, en-GB or pt-BR."];
            return null;
        }

        // BCP 47's conventional casing: language lower case, a two-letter region upper case.
        var parts = trimmed.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var index = 1; index < parts.Length; index++)
        {
            parts[index] = parts[index].Length == 2 ? parts[index].ToUpperInvariant() : parts[index].ToLowerInvariant();
        }

        return string.Join('-', parts);
    }

    private static List<string> CheckTags(IReadOnlyList<string?>? inputs, Dictionary<string, string[]> errors)
    {
        if (inputs is null)
        {
            return [];
        }

        var tags = new List<string>();
        for (var index = 0; index < inputs.Count; index++)
        {
            var tag = inputs[index]?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag) || tag.Length > MaxTagLength)
            {
                errors[$"tags[{index}]"] = [$"A tag has 1 to {MaxTagLength} characters."];
            }
            else if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            errors["tags"] = [$"At most {MaxTags} tags."];
        }

        return tags;
    }

    private static Dictionary<string, JsonElement> CheckAttributes(
        Dictionary<string, JsonElement>? inputs,
        IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
        Dictionary<string, string[]> errors)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (inputs is null)
        {
            return attributes;
        }

        if (inputs.Count > MaxAttributes)
        {
            errors["attributes"] = [$"At most {MaxAttributes} attributes."];
            return attributes;
        }

        foreach (var (key, value) in inputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!definitions.TryGetValue(key, out var definition))
            {
                errors[$"attributes.{Shorten(key)}"] = ["No custom attribute with this key is defined; define it first."];
            }
            else if (definition.Check(value) is { } problem)
            {
                errors[$"attributes.{key}"] = [problem];
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                attributes[key] = value.Clone();
            }
        }

        return attributes;
    }

    private static bool SameAttributes(IReadOnlyDictionary<string, JsonElement> left, IReadOnlyDictionary<string, JsonElement> right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetValue(pair.Key, out var other) && JsonElement.DeepEquals(pair.Value, other));

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguagePattern();
}
