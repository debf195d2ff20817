using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Infrastructure;

/// <summary>
/// The gateway's own database: businesses, their API keys, branches and audit trails, and the outbox that publishes
/// branch events. Not tenant-filtered: the gateway is what establishes the tenant, by finding the key a request
/// presents, and every query names the caller's tenant itself.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Branch> Branches => Set<Branch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly).AddOutboxAndInbox();
}
