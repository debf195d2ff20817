using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a business registers a new customer.
/// Loyalty opens the customer's account on it.
/// </summary>
[MessageUrn("customers.customer-registered.v1")]
[EntityName("customers.customer-registered.v1")]
public sealed record CustomerRegistered : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The new customer's id.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The name the business knows the customer by.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The customer's home branch code, when the business named one.</summary>
    public string? HomeBranch { get; init; }

    /// <summary><c>individual</c> or <c>business</c> (absent from events published before it was added: individual).</summary>
    public string? Kind { get; init; }

    /// <summary>Preferred language as a BCP 47 tag, when known: the language surveys and messages should use.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>Preferred contact channel (<c>email</c>, <c>sms</c>, <c>phone</c>, <c>post</c>), when known.</summary>
    public string? PreferredChannel { get; init; }

    /// <summary>The channels the customer consented to marketing on when registered.</summary>
    public IReadOnlyList<string>? ConsentedChannels { get; init; }

    /// <summary>
    /// The existing customer of the same business who referred this one, when the business recorded it. Loyalty pays
    /// the referrer the program's referral bonus on this customer's first purchase.
    /// </summary>
    public Guid? ReferredByCustomerId { get; init; }

    /// <summary>
    /// The customer's birthday as month and day, <c>MM-dd</c> (e.g. <c>02-29</c>), when the date of birth is known;
    /// never the year, so no one learns the age from the event.
    /// </summary>
    public string? Birthday { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
