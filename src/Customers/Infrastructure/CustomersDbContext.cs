using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Messaging;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Infrastructure;

public sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<CustomAttributeDefinition> AttributeDefinitions => Set<CustomAttributeDefinition>();
    public DbSet<CustomerMetrics> CustomerMetrics => Set<CustomerMetrics>();
    public DbSet<MetricsRescoreRequest> MetricsRescoreRequests => Set<MetricsRescoreRequest>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // btree_gin lets tenant_id lead the GIN indexes over arrays; pg_trgm gives typo-tolerant name search.
        modelBuilder.HasPostgresExtension("btree_gin").HasPostgresExtension("pg_trgm");
        modelBuilder.AddOutboxAndInbox();
    }
}
