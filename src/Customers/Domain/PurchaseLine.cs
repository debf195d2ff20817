using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>One line of a purchase: what was bought, how many, at what unit price (in the purchase's currency).</summary>
public sealed class PurchaseLine : ITenantOwned
{
    private PurchaseLine()
    {
    }

    public const decimal MaxQuantity = 1_000_000m;

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid PurchaseId { get; private init; }

    /// <summary>1-based position on the receipt.</summary>
    public int LineNumber { get; private init; }

    public string Sku { get; private init; } = "";
    public string? Description { get; private init; }
    public string? Category { get; private init; }
    public decimal Quantity { get; private init; }
    public decimal UnitPrice { get; private init; }

    /// <summary>Quantity × unit price, rounded to 4 decimal places (half away from zero).</summary>
    public decimal Amount { get; private init; }

    /// <summary>The priced line's amount; the purchase total is the sum of these, so no rounding is lost in between.</summary>
    public static decimal AmountOf(decimal quantity, decimal unitPrice) =>
        decimal.Round(quantity * unitPrice, 4, MidpointRounding.AwayFromZero);

    internal static PurchaseLine Create(Purchase purchase, int lineNumber, NewPurchaseLine line, DateTimeOffset now)
    {
        var position = $"Line {lineNumber}";
        if (string.IsNullOrWhiteSpace(line.Sku))
        {
            throw new DomainException("invalid-line", $"{position} has no SKU.");
        }

        if (line.Quantity <= 0 || line.Quantity > MaxQuantity || decimal.Round(line.Quantity, 4) != line.Quantity)
        {
            throw new DomainException("invalid-line", $"{position}: a quantity must be above 0 and at most {MaxQuantity}, with at most 4 decimal places.");
        }

        if (line.UnitPrice < 0 || line.UnitPrice > Purchase.MaxAmount || decimal.Round(line.UnitPrice, 4) != line.UnitPrice)
        {
            throw new DomainException("invalid-line", $"{position}: a unit price must be at least 0 and at most {Purchase.MaxAmount}, with at most 4 decimal places.");
        }

        return new PurchaseLine
        {
            Id = Guid.CreateVersion7(now),
            TenantId = purchase.TenantId,
            PurchaseId = purchase.Id,
            LineNumber = lineNumber,
            Sku = line.Sku.Trim(),
            Description = Normalise(line.Description),
            Category = Normalise(line.Category),
            Quantity = line.Quantity,
            UnitPrice = line.UnitPrice,
            Amount = AmountOf(line.Quantity, line.UnitPrice),
        };
    }

    internal bool SameAs(PurchaseLine other) =>
        LineNumber == other.LineNumber
        && Sku == other.Sku
        && Description == other.Description
        && Category == other.Category
        && Quantity == other.Quantity
        && UnitPrice == other.UnitPrice;

    private static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
