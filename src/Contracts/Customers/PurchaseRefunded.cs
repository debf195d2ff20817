using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when money is given back on a purchase: a refund of part or all of it, or a void of the
/// whole. Loyalty may reverse the points the purchase earned; <see cref="RefundId"/> is the natural key that keeps one
/// refund from being reversed twice.
/// </summary>
[MessageUrn("customers.purchase-refunded.v1")]
[EntityName("customers.purchase-refunded.v1")]
public sealed record PurchaseRefunded : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The purchase refunded (the <see cref="PurchaseRecorded.PurchaseId"/> of its recording).</summary>
    public required Guid PurchaseId { get; init; }

    /// <summary>This refund's id; unique.</summary>
    public required Guid RefundId { get; init; }

    /// <summary>The customer who made the purchase.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The branch code that gave the money back.</summary>
    public required string Branch { get; init; }

    /// <summary>The amount given back, in <see cref="Currency"/>; above zero.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 currency code of the purchase, upper case.</summary>
    public required string Currency { get; init; }

    /// <summary><c>refund</c> (part or all of the amount) or <c>void</c> (the whole purchase cancelled).</summary>
    public required string Kind { get; init; }

    /// <summary>What is left of the purchase to refund after this one; zero when it is fully refunded or voided.</summary>
    public required decimal RemainingAmount { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
