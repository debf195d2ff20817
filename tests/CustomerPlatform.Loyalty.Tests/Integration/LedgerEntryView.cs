namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>One ledger entry of <see cref="AccountView"/>; the type is kept as the string the wire carries.</summary>
internal sealed record LedgerEntryView(
    Guid Id,
    string Type,
    long Points,
    long BalanceAfter,
    Guid SourceId,
    string? Branch);
