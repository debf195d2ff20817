namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// One purchase as a client saw it: every attempt under its Idempotency-Key, and the purchase id when an
/// attempt succeeded. <see cref="Attempt.Status"/> 0 means no HTTP answer at all (a timeout or a reset).
/// </summary>
public sealed record PurchaseOutcome(Guid CustomerId, decimal Amount, IReadOnlyList<PurchaseOutcome.Attempt> Attempts, Guid? PurchaseId)
{
    public bool Succeeded => PurchaseId is not null;

    public long Points => (long)decimal.Floor(Amount);

    public sealed record Attempt(int Status, string? MediaType, TimeSpan Latency, string? Body);
}
