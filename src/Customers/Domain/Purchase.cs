using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A purchase a customer made at a branch: an amount in one currency, optionally itemised in lines whose total it is,
/// and the refunds given on it since.
/// </summary>
public sealed class Purchase : ITenantOwned
{
    private readonly List<PurchaseLine> _lines = [];
    private readonly List<PurchaseRefund> _refunds = [];

    private Purchase()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public decimal Amount { get; private set; }
    public string Currency { get; private init; } = "";
    public PurchaseChannel Channel { get; private init; }

    /// <summary>The till's receipt id; unique within the business, so a till retrying a sale records it once.</summary>
    public string? ExternalReference { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>The sum of every refund (a void refunds the whole amount); never above <see cref="Amount"/>.</summary>
    public decimal RefundedAmount { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public decimal RemainingAmount => Amount - RefundedAmount;

    public IReadOnlyList<PurchaseLine> Lines => _lines;

    /// <summary>Loaded only when asked for; <see cref="RefundedAmount"/> is what the rules use.</summary>
    public IReadOnlyList<PurchaseRefund> Refunds => _refunds;

    /// <summary>The largest single purchase the platform accepts; guards against typos and overflow downstream.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public const int MaxLines = 500;

    /// <summary>
    /// Records a purchase. With <paramref name="lines"/>, the amount is their total: <paramref name="amount"/> may be
    /// left out, and when given must equal it (a till and the platform disagreeing about a sale is worth refusing).
    /// </summary>
    public static Purchase Record(
        Customer customer,
        string branch,
        decimal? amount,
        string currency,
        DateTimeOffset? occurredAt,
        DateTimeOffset now,
        PurchaseChannel channel = PurchaseChannel.InStore,
        string? externalReference = null,
        IReadOnlyList<NewPurchaseLine>? lines = null)
    {
        if (occurredAt > now.AddMinutes(5))
        {
            throw new DomainException("purchase-in-future", "A purchase cannot be recorded as happening in the future.");
        }

        if (lines?.Count > MaxLines)
        {
            throw new DomainException("too-many-lines", $"A purchase has at most {MaxLines} lines.");
        }

        var purchase = new Purchase
        {
            Id = Guid.CreateVersion7(now),
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            Branch = branch.Trim(),
            Currency = currency.ToUpperInvariant(),
            Channel = channel,
            ExternalReference = string.IsNullOrWhiteSpace(externalReference) ? null : externalReference.Trim(),
            OccurredAt = occurredAt is { } given ? StoredTime.Of(given) : now,
            RecordedAt = now,
        };
        for (var index = 0; index < (lines?.Count ?? 0); index++)
        {
            purchase._lines.Add(PurchaseLine.Create(purchase, index + 1, lines![index], now));
        }

        purchase.Amount = TotalOf(purchase._lines, amount);
        return purchase;
    }

    /// <summary>
    /// Whether a repeat of the request that recorded this purchase (same external reference) describes the same sale.
    /// A repeat that left out when it happened took "now", so then the time is not compared.
    /// </summary>
    public bool SameSaleAs(Purchase repeat, bool compareOccurredAt) =>
        CustomerId == repeat.CustomerId
        && Branch == repeat.Branch
        && Amount == repeat.Amount
        && Currency == repeat.Currency
        && Channel == repeat.Channel
        && ExternalReference == repeat.ExternalReference
        && (!compareOccurredAt || StoredTime.SameInstant(OccurredAt, repeat.OccurredAt))
        && _lines.Count == repeat._lines.Count
        && _lines.OrderBy(line => line.LineNumber).Zip(repeat._lines).All(pair => pair.First.SameAs(pair.Second));

    /// <summary>
    /// Gives money back: a refund of <paramref name="amount"/> (all that remains when null), or a void of the whole
    /// purchase, which is only possible while nothing has been refunded. The caller holds the purchase's row lock, so
    /// concurrent refunds are checked one after the other against what is left.
    /// </summary>
    public PurchaseRefund Refund(RefundKind kind, decimal? amount, string reason, string? branch, DateTimeOffset now)
    {
        if (VoidedAt is not null)
        {
            throw new DomainException("purchase-voided", "The purchase was voided; nothing is left to refund.");
        }

        decimal refunded;
        if (kind == RefundKind.Void)
        {
            if (RefundedAmount > 0)
            {
                throw new DomainException("void-after-refund", "A purchase that has been partly refunded cannot be voided; refund what remains instead.");
            }

            if (amount is not null && amount != Amount)
            {
                throw new DomainException("void-must-be-whole", $"A void cancels the whole purchase: leave the amount out or send {Amount}.");
            }

            refunded = Amount;
            VoidedAt = now;
        }
        else
        {
            refunded = amount ?? RemainingAmount;
            if (refunded <= 0 && amount is null)
            {
                throw new DomainException("refund-exceeds-purchase", "The purchase has been refunded in full already.");
            }

            if (refunded <= 0 || decimal.Round(refunded, 4) != refunded)
            {
                throw new DomainException("invalid-amount", "A refund amount must be above 0, with at most 4 decimal places.");
            }

            if (refunded > RemainingAmount)
            {
                throw new DomainException(
                    "refund-exceeds-purchase", $"Only {RemainingAmount} {Currency} of the purchase is left to refund.");
            }
        }

        RefundedAmount += refunded;
        var refund = PurchaseRefund.Create(this, kind, refunded, reason, string.IsNullOrWhiteSpace(branch) ? Branch : branch, now);
        _refunds.Add(refund);
        return refund;
    }

    private static decimal TotalOf(List<PurchaseLine> lines, decimal? amount)
    {
        if (lines.Count > 0)
        {
            var total = lines.Sum(line => line.Amount);
            if (amount is not null && amount != total)
            {
                throw new DomainException("amount-mismatch", $"The amount {amount} is not the total of the lines, {total}.");
            }

            amount = total;
        }

        if (amount is not { } value || value <= 0 || value > MaxAmount)
        {
            throw new DomainException("invalid-amount", $"A purchase amount must be above 0 and at most {MaxAmount}.");
        }

        if (decimal.Round(value, 4) != value)
        {
            throw new DomainException("invalid-amount", "A purchase amount has at most 4 decimal places.");
        }

        return value;
    }
}
