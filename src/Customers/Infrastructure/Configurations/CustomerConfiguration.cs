using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(customer => customer.Id);
        builder.Property(customer => customer.DisplayName).HasMaxLength(200);
        builder.Property(customer => customer.Email).HasMaxLength(254);
        builder.Property(customer => customer.Phone).HasMaxLength(16);
        builder.Property(customer => customer.HomeBranch).HasMaxLength(50);
        builder.Property(customer => customer.Version).IsRowVersion();
        builder.HasIndex(customer => new { customer.TenantId, customer.Email }).HasDatabaseName("ix_customers_tenant_email");
        builder.HasIndex(customer => new { customer.TenantId, customer.Phone }).HasDatabaseName("ix_customers_tenant_phone");
    }
}
