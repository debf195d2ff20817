using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a purchase is recorded against a customer.
/// Loyalty credits points for it; the purchase id is the natural key that keeps a purchase from earning twice.
/// </summary>
[MessageUrn("customers.purchase-recorded.v1")]
[EntityName("customers.purchase-recorded.v1")]
public sealed record PurchaseRecorded : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The purchase's id.</summary>
    public required Guid PurchaseId { get; init; }

    /// <summary>The customer who made the purchase.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code where the purchase was made.</summary>
    public required string Branch { get; init; }

    /// <summary>The total amount paid, in <see cref="Currency"/>.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 currency code, upper case.</summary>
    public required string Currency { get; init; }

    /// <summary>
    /// How the purchase was made: <c>inStore</c>, <c>online</c>, <c>phone</c> or <c>other</c>. Absent on events
    /// published before channels were recorded; read absent as <c>inStore</c>.
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>The till's receipt id, when the business sent one; unique within the business.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>What was bought, when the purchase was itemised; absent otherwise. <see cref="Amount"/> is their total.</summary>
    public IReadOnlyList<PurchaseRecordedLine>? Lines { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
