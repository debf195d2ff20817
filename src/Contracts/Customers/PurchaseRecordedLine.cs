namespace CustomerPlatform.Contracts.Customers;

/// <summary>One line of an itemised purchase in <see cref="PurchaseRecorded.Lines"/>, in the purchase's currency.</summary>
public sealed record PurchaseRecordedLine
{
    /// <summary>The business's stock-keeping unit.</summary>
    public required string Sku { get; init; }

    /// <summary>The product category, when the till sent one (loyalty multipliers and sales reports use it).</summary>
    public string? Category { get; init; }

    /// <summary>How many were bought; above zero, at most 4 decimal places.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The price of one, at most 4 decimal places.</summary>
    public required decimal UnitPrice { get; init; }
}
