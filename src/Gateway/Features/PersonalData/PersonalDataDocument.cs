using System.Text.Json;

namespace CustomerPlatform.Gateway.Features.PersonalData;

/// <summary>How a service's section of the export came out.</summary>
public enum SectionStatus
{
    /// <summary>The service answered with what it holds (<c>data</c>).</summary>
    Available,

    /// <summary>The service answered that it holds nothing about the customer.</summary>
    None,

    /// <summary>The API key lacks the service's read scope, so the service refused; the section is not exported.</summary>
    Forbidden,

    /// <summary>The service could not be reached or failed; the export is incomplete, retry later.</summary>
    Unavailable,
}

/// <summary>Everything the platform holds about a customer, one section per app.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="GeneratedAt">When the export was put together.</param>
/// <param name="Complete">True when every section is <c>available</c> or <c>none</c>: nothing was left out.</param>
/// <param name="Customers">The customer record, consent history, interactions, purchases, visits, activities, metrics, segments.</param>
/// <param name="Feedback">Feedback items given with the customer's id.</param>
/// <param name="Loyalty">The loyalty account, its whole ledger and its redemptions, the referrer and the birthday (month and day).</param>
/// <param name="Standards">Always <c>none</c> today: Standards keeps only per-branch counts (its note says why).</param>
/// <param name="Gateway">The audit entries of requests that acted on the customer's id.</param>
public sealed record PersonalDataDocument(
    Guid CustomerId,
    DateTimeOffset GeneratedAt,
    bool Complete,
    PersonalDataSection Customers,
    PersonalDataSection Feedback,
    PersonalDataSection Loyalty,
    PersonalDataSection Standards,
    PersonalDataSection Gateway);

/// <summary>One app's section.</summary>
/// <param name="Status">How the section came out; never silently missing.</param>
/// <param name="Detail">Why the section is empty or missing, when it is.</param>
/// <param name="Data">What the app holds, in the shape of its own personal-data endpoint.</param>
public sealed record PersonalDataSection(SectionStatus Status, string? Detail, JsonElement? Data)
{
    public static PersonalDataSection Of(JsonElement data) => new(SectionStatus.Available, null, data);
}
