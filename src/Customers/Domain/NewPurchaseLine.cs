namespace CustomerPlatform.Customers.Domain;

/// <summary>A line of a purchase as the till sent it, before it is checked and priced.</summary>
public sealed record NewPurchaseLine(string Sku, string? Description, string? Category, decimal Quantity, decimal UnitPrice);
