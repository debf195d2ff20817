using System.Text.Json.Serialization;
using System.Text.Json;
using CustomerPlatform.Contracts.Branches;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A customer's details as a client sends them; <see cref="CustomerDetails.TryCreate"/> checks and normalises them.</summary>
// An unknown member is a 400, not silently dropped: a client still sending the old single "email" (or a typo such
// as "emials") would otherwise lose what it sent without knowing.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record CustomerFields
{
    /// <summary><c>individual</c> (the default) or <c>business</c>.</summary>
    public CustomerKind? Kind { get; init; }

    /// <summary>The name the business knows the customer by; built from the other names when left out.</summary>
    public string? DisplayName { get; init; }

    /// <summary>An individual's given (first) name.</summary>
    public string? GivenName { get; init; }

    /// <summary>An individual's family (last) name.</summary>
    public string? FamilyName { get; init; }

    /// <summary>A business customer's company name (required for <c>business</c>).</summary>
    public string? CompanyName { get; init; }

    /// <summary>A business customer's contact person.</summary>
    public string? ContactPerson { get; init; }

    /// <summary>E-mail addresses, the primary one first (at most 10); stored normalised, lower case.</summary>
    public IReadOnlyList<string?>? Emails { get; init; }

    /// <summary>Phone numbers with country code, the primary one first (at most 10); stored in E.164.</summary>
    public IReadOnlyList<string?>? Phones { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>How the customer prefers to be contacted.</summary>
    public ContactChannel? PreferredChannel { get; init; }

    /// <summary>Preferred language as a BCP 47 tag, e.g. <c>en-GB</c> or <c>de</c>.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>Code of the customer's home branch.</summary>
    public string? HomeBranch { get; init; }

    /// <summary>Date of birth, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Special needs the staff should know about.</summary>
    public string? SpecialNeeds { get; init; }

    /// <summary>Accessibility notes (step-free access, large print, a hearing loop...).</summary>
    public string? AccessibilityNotes { get; init; }

    /// <summary>The business's own rating of the customer, 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>Why the business rates the customer so; only with a rating.</summary>
    public string? RatingReason { get; init; }

    /// <summary>Tags (stored lower case, without repeats; at most 50 of up to 50 characters).</summary>
    public IReadOnlyList<string?>? Tags { get; init; }

    /// <summary>The customer's id in another system (a till, a web shop, a spreadsheet); unique in the business when given. Imports match on it.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Values of the business's custom attributes by key; each key must be defined first (<c>PUT /api/v1/customers/attributes/{key}</c>).</summary>
    public Dictionary<string, JsonElement>? Attributes { get; init; }
}
