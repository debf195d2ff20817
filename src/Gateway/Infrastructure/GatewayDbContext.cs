using CustomerPlatform.Gateway.Domain;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Infrastructure;

/// <summary>
/// The gateway's own database: businesses, their API keys and audit trails. Not tenant-filtered: the gateway is what
/// establishes the tenant, by finding the key a request presents.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
}
