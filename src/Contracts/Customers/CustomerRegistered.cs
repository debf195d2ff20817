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

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
