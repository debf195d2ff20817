using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public const string ExternalReferenceIndex = "ux_purchases_tenant_external_reference";

    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.HasKey(purchase => purchase.Id);
        builder.Property(purchase => purchase.Id).ValueGeneratedNever();
        // Lines and refunds point at (tenant_id, id), so the database itself keeps them in their purchase's tenant.
        builder.HasAlternateKey(purchase => new { purchase.TenantId, purchase.Id }).HasName("ak_purchases_tenant_id");
        builder.Property(purchase => purchase.Branch).HasMaxLength(50);
        builder.Property(purchase => purchase.Amount).HasPrecision(19, 4);
        builder.Property(purchase => purchase.RefundedAmount).HasPrecision(19, 4);
        builder.Property(purchase => purchase.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(purchase => purchase.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(purchase => purchase.ExternalReference).HasMaxLength(100);
        builder.Ignore(purchase => purchase.RemainingAmount);
        builder.HasOne<Customer>().WithMany().HasForeignKey(purchase => purchase.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(purchase => new { purchase.TenantId, purchase.CustomerId, purchase.OccurredAt, purchase.Id })
            .HasDatabaseName("ix_purchases_tenant_customer_occurred_at");
        builder.HasIndex(purchase => new { purchase.TenantId, purchase.ExternalReference })
            .HasDatabaseName(ExternalReferenceIndex)
            .IsUnique()
            .HasFilter("external_reference IS NOT NULL");
        builder.HasMany(purchase => purchase.Lines).WithOne()
            .HasForeignKey(line => new { line.TenantId, line.PurchaseId })
            .HasPrincipalKey(purchase => new { purchase.TenantId, purchase.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(purchase => purchase.Refunds).WithOne()
            .HasForeignKey(refund => new { refund.TenantId, refund.PurchaseId })
            .HasPrincipalKey(purchase => new { purchase.TenantId, purchase.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(purchase => purchase.Lines).HasField("_lines");
        builder.Navigation(purchase => purchase.Refunds).HasField("_refunds");
    }
}
