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
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<CustomerActivity> Activities => Set<CustomerActivity>();
    public DbSet<PurchaseLine> PurchaseLines => Set<PurchaseLine>();
    public DbSet<PurchaseRefund> PurchaseRefunds => Set<PurchaseRefund>();
    public DbSet<ServiceVisit> ServiceVisits => Set<ServiceVisit>();
    public DbSet<CustomerMetrics> CustomerMetrics => Set<CustomerMetrics>();
    public DbSet<MetricsRescoreRequest> MetricsRescoreRequests => Set<MetricsRescoreRequest>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();
    public DbSet<CustomerImport> Imports => Set<CustomerImport>();
    public DbSet<CustomerImportFile> ImportFiles => Set<CustomerImportFile>();
    public DbSet<CustomerImportChange> ImportChanges => Set<CustomerImportChange>();
    public DbSet<CustomerImportError> ImportErrors => Set<CustomerImportError>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<DuplicateDismissal> DuplicateDismissals => Set<DuplicateDismissal>();
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();
    public DbSet<DuplicateScan> DuplicateScans => Set<DuplicateScan>();
    public DbSet<DataCurrencySettings> DataCurrencySettings => Set<DataCurrencySettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // pg_trgm: typo-tolerant name search.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddOutboxAndInbox();
    }
}
