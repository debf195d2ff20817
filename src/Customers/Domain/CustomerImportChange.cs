using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A customer an import created or updated; an update keeps the customer's row as it was before (jsonb), for revert.</summary>
public sealed class CustomerImportChange : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required Guid ImportId { get; init; }
    public required int RowNumber { get; init; }
    public required Guid CustomerId { get; init; }

    /// <summary><c>created</c> or <c>updated</c>.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }
    public List<string> Changed { get; init; } = [];
}
