using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Feedback;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>The events Customers publishes, as Loyalty receives them.</summary>
internal static class LoyaltyEvents
{
    public static CustomerRegistered Registered(Guid tenantId, Guid customerId) => new()
    {
        TenantId = tenantId,
        CustomerId = customerId,
        DisplayName = "Ada Lovelace",
        HomeBranch = "central",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static PurchaseRecorded Purchase(Guid tenantId, Guid customerId, decimal amount, Guid? purchaseId = null) => new()
    {
        TenantId = tenantId,
        PurchaseId = purchaseId ?? Guid.NewGuid(),
        CustomerId = customerId,
        Branch = "central",
        Amount = amount,
        Currency = "EUR",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static PurchaseRefunded Refund(Guid tenantId, Guid customerId, Guid purchaseId, decimal amount, decimal remaining, string kind = "refund") => new()
    {
        TenantId = tenantId,
        PurchaseId = purchaseId,
        RefundId = Guid.NewGuid(),
        CustomerId = customerId,
        Branch = "central",
        Amount = amount,
        Currency = "EUR",
        Kind = kind,
        RemainingAmount = remaining,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static CompensationApproved Compensation(Guid tenantId, Guid? customerId, long points, string type = "loyaltyPoints") => new()
    {
        TenantId = tenantId,
        ComplaintId = Guid.NewGuid(),
        CompensationId = Guid.NewGuid(),
        CustomerId = customerId,
        Branch = "central",
        Type = type,
        Points = type == "loyaltyPoints" ? points : null,
        Amount = type == "loyaltyPoints" ? null : points,
        Currency = type == "loyaltyPoints" ? null : "EUR",
        ApprovedByRole = "supervisor",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static CustomersMerged Merged(Guid tenantId, Guid survivorCustomerId, Guid mergedCustomerId) => new()
    {
        TenantId = tenantId,
        SurvivorCustomerId = survivorCustomerId,
        MergedCustomerId = mergedCustomerId,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
