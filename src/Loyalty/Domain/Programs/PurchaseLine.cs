namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>One line of an itemised purchase, as the earn rules see it: its category and what it cost in all.</summary>
public sealed record PurchaseLine(string? Category, decimal Amount);
