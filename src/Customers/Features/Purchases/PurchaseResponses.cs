using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Purchases;

/// <summary>A recorded purchase with its lines and the refunds given on it.</summary>
/// <param name="Amount">The total paid; with lines, their total.</param>
/// <param name="RefundedAmount">The sum of its refunds (a void refunds the whole amount).</param>
/// <param name="Lines">What was bought, in receipt order; empty when the purchase was not itemised.</param>
/// <param name="Refunds">The refunds given on it, oldest first.</param>
public sealed record PurchaseResponse(
    Guid Id,
    Guid CustomerId,
    string Branch,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt,
    PurchaseChannel Channel,
    string? ExternalReference,
    decimal RefundedAmount,
    DateTimeOffset? VoidedAt,
    IReadOnlyList<PurchaseLineResponse> Lines,
    IReadOnlyList<RefundResponse> Refunds)
{
    public static PurchaseResponse From(Purchase purchase) =>
        new(
            purchase.Id,
            purchase.CustomerId,
            purchase.Branch,
            purchase.Amount,
            purchase.Currency,
            purchase.OccurredAt,
            purchase.Channel,
            purchase.ExternalReference,
            purchase.RefundedAmount,
            purchase.VoidedAt,
            [.. purchase.Lines.OrderBy(line => line.LineNumber).Select(PurchaseLineResponse.From)],
            [.. purchase.Refunds.OrderBy(refund => refund.OccurredAt).ThenBy(refund => refund.Id).Select(RefundResponse.From)]);
}

/// <summary>One line of a purchase, in the purchase's currency.</summary>
/// <param name="Amount">Quantity × unit price, rounded to 4 decimal places.</param>
public sealed record PurchaseLineResponse(
    int LineNumber, string Sku, string? Description, string? Category, decimal Quantity, decimal UnitPrice, decimal Amount)
{
    public static PurchaseLineResponse From(PurchaseLine line) =>
        new(line.LineNumber, line.Sku, line.Description, line.Category, line.Quantity, line.UnitPrice, line.Amount);
}

/// <summary>A refund or void given on a purchase.</summary>
/// <param name="RemainingAmount">What was left of the purchase to refund after this one.</param>
/// <param name="Branch">The branch that gave the money back.</param>
public sealed record RefundResponse(
    Guid Id,
    Guid PurchaseId,
    Guid CustomerId,
    RefundKind Kind,
    decimal Amount,
    decimal RemainingAmount,
    string Reason,
    string Branch,
    DateTimeOffset OccurredAt)
{
    public static RefundResponse From(PurchaseRefund refund) =>
        new(refund.Id, refund.PurchaseId, refund.CustomerId, refund.Kind, refund.Amount, refund.RemainingAmount, refund.Reason, refund.Branch, refund.OccurredAt);
}

/// <summary>A purchase as the list shows it: without its lines and refunds (GET the purchase for those).</summary>
public sealed record PurchaseSummaryResponse(
    Guid Id,
    Guid CustomerId,
    string Branch,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt,
    PurchaseChannel Channel,
    string? ExternalReference,
    decimal RefundedAmount,
    DateTimeOffset? VoidedAt,
    int LineCount);
