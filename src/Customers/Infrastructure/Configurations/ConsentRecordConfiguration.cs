using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(record => record.Source).HasMaxLength(100);
        builder.Property(record => record.RecordedBy).HasMaxLength(100);
        builder.HasOne<Customer>().WithMany().HasForeignKey(record => record.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(record => new { record.TenantId, record.CustomerId, record.OccurredAt }).HasDatabaseName("ix_consent_records_tenant_customer_occurred_at");
    }
}
