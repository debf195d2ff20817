using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerImportErrorConfiguration : IEntityTypeConfiguration<CustomerImportError>
{
    public void Configure(EntityTypeBuilder<CustomerImportError> builder)
    {
        builder.ToTable("customer_import_errors");
        builder.HasKey(error => new { error.TenantId, error.ImportId, error.RowNumber, error.Field });
        builder.Property(error => error.Field).HasMaxLength(200);
        builder.Property(error => error.Message).HasMaxLength(1000);
        builder.Property(error => error.Original).HasColumnType("text[]");
    }
}
