namespace CustomerPlatform.Customers.Domain;

/// <summary>How the customer and the business were in contact.</summary>
public enum InteractionChannel
{
    InPerson,
    Phone,
    Email,
    Web,
    Social,
    Letter,
}
