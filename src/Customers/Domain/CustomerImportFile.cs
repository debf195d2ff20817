using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>The uploaded CSV, kept beside the job until it has been processed (a restarted worker reads it again).</summary>
public sealed class CustomerImportFile : ITenantOwned
{
    public required Guid ImportId { get; init; }
    public required Guid TenantId { get; init; }
    public required byte[] Content { get; init; }
}
