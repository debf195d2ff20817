using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

/// <summary>
/// The customer indexes segment rules and member pages need, kept beside the segments rather than in
/// <see cref="CustomerConfiguration"/>; EF applies both configurations to the one entity.
/// </summary>
internal sealed class CustomerSegmentIndexesConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        // Member pages and refreshes walk a business's customers in id order (keyset).
        builder.HasIndex(customer => new { customer.TenantId, customer.Id }).HasDatabaseName("ix_customers_tenant_id");
        builder.HasIndex(customer => new { customer.TenantId, customer.HomeBranch }).HasDatabaseName("ix_customers_tenant_home_branch");
        builder.HasIndex(customer => new { customer.TenantId, customer.RegisteredAt }).HasDatabaseName("ix_customers_tenant_registered_at");
    }
}
