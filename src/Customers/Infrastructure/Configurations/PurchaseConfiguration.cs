using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.HasKey(purchase => purchase.Id);
        builder.Property(purchase => purchase.Branch).HasMaxLength(50);
        builder.Property(purchase => purchase.Amount).HasPrecision(19, 4);
        builder.Property(purchase => purchase.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Customer>().WithMany().HasForeignKey(purchase => purchase.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(purchase => new { purchase.TenantId, purchase.CustomerId, purchase.OccurredAt })
            .HasDatabaseName("ix_purchases_tenant_customer_occurred_at");
    }
}
