using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A purchase a customer made at a branch: an amount in one currency.</summary>
public sealed class Purchase : ITenantOwned
{
    private Purchase()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public decimal Amount { get; private init; }
    public string Currency { get; private init; } = "";
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>The largest single purchase the platform accepts; guards against typos and overflow downstream.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static Purchase Record(Customer customer, string branch, decimal amount, string currency, DateTimeOffset? occurredAt, DateTimeOffset now)
    {
        if (amount <= 0 || amount > MaxAmount)
        {
            throw new DomainException("invalid-amount", $"A purchase amount must be above 0 and at most {MaxAmount}.");
        }

        if (decimal.Round(amount, 4) != amount)
        {
            throw new DomainException("invalid-amount", "A purchase amount has at most 4 decimal places.");
        }

        if (occurredAt > now.AddMinutes(5))
        {
            throw new DomainException("purchase-in-future", "A purchase cannot be recorded as happening in the future.");
        }

        return new Purchase
        {
            Id = Guid.CreateVersion7(now),
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            Branch = branch.Trim(),
            Amount = amount,
            Currency = currency.ToUpperInvariant(),
            OccurredAt = occurredAt ?? now,
            RecordedAt = now,
        };
    }
}
