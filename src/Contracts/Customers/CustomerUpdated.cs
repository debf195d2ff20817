using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a customer's details change (not for consent, which has its own event). Carries what
/// changed by name and the current values other services keep; contact details and notes are not carried (they are
/// personal data the other services have no use for).
/// </summary>
[MessageUrn("customers.customer-updated.v1")]
[EntityName("customers.customer-updated.v1")]
public sealed record CustomerUpdated : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The camelCase names of the fields that changed, as the API names them (e.g. <c>emails</c>, <c>homeBranch</c>).</summary>
    public required IReadOnlyList<string> Changed { get; init; }

    /// <summary>The name the business knows the customer by.</summary>
    public required string DisplayName { get; init; }

    /// <summary><c>individual</c> or <c>business</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The customer's home branch code, if any.</summary>
    public string? HomeBranch { get; init; }

    /// <summary>Preferred language (BCP 47), if known.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>Preferred contact channel, if known.</summary>
    public string? PreferredChannel { get; init; }

    /// <summary>
    /// Lifecycle status: <c>prospect</c>, <c>active</c>, <c>lapsed</c> or <c>erased</c> (absent from events published
    /// before it was added). A customer lapsing after a long time without a purchase is an update naming <c>status</c>.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>
    /// The customer's birthday as month and day, <c>MM-dd</c>, if the date of birth is known (never the year); absent
    /// when there is none (a change of the date of birth is an update naming <c>dateOfBirth</c>).
    /// </summary>
    public string? Birthday { get; init; }

    /// <summary>The customer's tags, lower case.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
