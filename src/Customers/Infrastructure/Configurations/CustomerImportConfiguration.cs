using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerImportConfiguration : IEntityTypeConfiguration<CustomerImport>
{
    public void Configure(EntityTypeBuilder<CustomerImport> builder)
    {
        builder.ToTable("customer_imports");
        builder.HasKey(import => import.Id);
        builder.Property(import => import.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(import => import.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(import => import.MatchOn).HasConversion<string>().HasMaxLength(20);
        builder.Property(import => import.Mapping).HasJsonColumn();
        builder.Property(import => import.Header).HasColumnType("text[]");
        builder.Property(import => import.Branch).HasMaxLength(50);
        builder.Property(import => import.FileName).HasMaxLength(200);
        builder.Property(import => import.Error).HasMaxLength(2000);
        builder.HasIndex(import => new { import.TenantId, import.Id }).HasDatabaseName("ix_customer_imports_tenant_id");

        // The worker's claim query looks for unfinished jobs across tenants.
        builder.HasIndex(import => import.CreatedAt)
            .HasFilter("status IN ('Queued', 'Running')")
            .HasDatabaseName("ix_customer_imports_unfinished");
    }
}
