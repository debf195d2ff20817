using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerImportFileConfiguration : IEntityTypeConfiguration<CustomerImportFile>
{
    public void Configure(EntityTypeBuilder<CustomerImportFile> builder)
    {
        builder.ToTable("customer_import_files");
        builder.HasKey(file => file.ImportId);
    }
}
