using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>Money given back on a purchase: a refund of part or all of it, or a void of the whole. Never changed once made.</summary>
public sealed class PurchaseRefund : ITenantOwned
{
    private PurchaseRefund()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid PurchaseId { get; private init; }
    public Guid CustomerId { get; private init; }
    public RefundKind Kind { get; private init; }
    public decimal Amount { get; private init; }

    /// <summary>What was left to refund on the purchase after this one.</summary>
    public decimal RemainingAmount { get; private init; }

    public string Reason { get; private init; } = "";

    /// <summary>The branch that gave the money back (the purchase's own unless another was named).</summary>
    public string Branch { get; private init; } = "";

    public DateTimeOffset OccurredAt { get; private init; }

    internal static PurchaseRefund Create(Purchase purchase, RefundKind kind, decimal amount, string reason, string branch, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = purchase.TenantId,
            PurchaseId = purchase.Id,
            CustomerId = purchase.CustomerId,
            Kind = kind,
            Amount = amount,
            RemainingAmount = purchase.RemainingAmount,
            Reason = reason.Trim(),
            Branch = branch.Trim(),
            OccurredAt = now,
        };
}
