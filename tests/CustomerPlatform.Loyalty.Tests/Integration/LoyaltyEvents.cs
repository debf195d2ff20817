using CustomerPlatform.Contracts.Customers;

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
}
