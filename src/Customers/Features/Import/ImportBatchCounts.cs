namespace CustomerPlatform.Customers.Features.Import;

/// <summary>Counts of one batch's outcomes.</summary>
public sealed record ImportBatchCounts(int Created, int Updated, int Skipped, int Failed);
