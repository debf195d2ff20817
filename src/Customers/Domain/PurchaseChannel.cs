namespace CustomerPlatform.Customers.Domain;

/// <summary>How a purchase was made.</summary>
public enum PurchaseChannel
{
    InStore,
    Online,
    Phone,
    Other,
}
