using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>One field error of a refused row, with the row's original cells for the error report.</summary>
public sealed class CustomerImportError : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required Guid ImportId { get; init; }
    public required int RowNumber { get; init; }
    public required string Field { get; init; }
    public required string Message { get; init; }
    public List<string> Original { get; init; } = [];
}
