namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>Where a delivery stands: waiting for (another) attempt, accepted by the receiver, or given up.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}
