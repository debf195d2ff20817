using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerImportChangeConfiguration : IEntityTypeConfiguration<CustomerImportChange>
{
    public void Configure(EntityTypeBuilder<CustomerImportChange> builder)
    {
        builder.ToTable("customer_import_changes");
        builder.HasKey(change => new { change.TenantId, change.ImportId, change.RowNumber });
        builder.Property(change => change.Action).HasMaxLength(10);
        builder.Property(change => change.Before).HasColumnType("jsonb");
        builder.Property(change => change.Changed).HasColumnType("text[]");
    }
}
