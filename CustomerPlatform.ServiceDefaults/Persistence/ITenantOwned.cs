namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>A row that belongs to one business. <see cref="ServiceDbContext"/> filters every query on it by tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
