using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Records;

/// <summary>A customer as the API shows it.</summary>
/// <param name="Email">The primary e-mail (the first of <paramref name="Emails"/>).</param>
/// <param name="Phone">The primary phone (the first of <paramref name="Phones"/>).</param>
/// <param name="Consent">The current marketing consent per channel; a channel never asked about is absent.</param>
/// <param name="Completeness">How complete the record is, 0 to 100.</param>
/// <param name="ExternalId">The customer's id in another system, when the business gave one.</param>
/// <param name="VerifiedAt">When someone last confirmed the details are current.</param>
/// <param name="MergedInto">The customer this one was merged into (it is archived and takes no changes); null otherwise.</param>
/// <param name="ReferredByCustomerId">The customer who referred this one, when named at registration.</param>
public sealed record CustomerResponse(
    Guid Id,
    CustomerKind Kind,
    string DisplayName,
    string? GivenName,
    string? FamilyName,
    string? CompanyName,
    string? ContactPerson,
    string? Email,
    IReadOnlyList<string> Emails,
    string? Phone,
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
    LifecycleStatus Status,
    CustomerSource Source,
    IReadOnlyDictionary<ContactChannel, ConsentState> Consent,
    int Completeness,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset VerifiedAt,
    DateTimeOffset? ArchivedAt,
    string? ExternalId,
    Guid? MergedInto = null,
    Guid? ReferredByCustomerId = null)
{
    public static CustomerResponse From(Customer customer)
    {
        var details = customer.CurrentDetails();
        return new(
            customer.Id, customer.Kind, customer.DisplayName, customer.GivenName, customer.FamilyName, customer.CompanyName,
            customer.ContactPerson, customer.PrimaryEmail, customer.Emails, customer.PrimaryPhone, customer.Phones, customer.Address,
            customer.PreferredChannel, customer.PreferredLanguage, customer.HomeBranch, customer.DateOfBirth, customer.SpecialNeeds,
            customer.AccessibilityNotes, customer.Rating, customer.RatingReason, customer.Tags, customer.Attributes, customer.Status,
            customer.Source, customer.Consent, details.Completeness(), customer.RegisteredAt, customer.UpdatedAt, customer.VerifiedAt,
            customer.ArchivedAt, customer.ExternalId, customer.MergedInto, customer.ReferredByCustomerId);
    }
}
