using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class PurchaseRefundConfiguration : IEntityTypeConfiguration<PurchaseRefund>
{
    public void Configure(EntityTypeBuilder<PurchaseRefund> builder)
    {
        builder.HasKey(refund => refund.Id);
        builder.Property(refund => refund.Id).ValueGeneratedNever();
        builder.Property(refund => refund.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(refund => refund.Amount).HasPrecision(19, 4);
        builder.Property(refund => refund.RemainingAmount).HasPrecision(19, 4);
        builder.Property(refund => refund.Reason).HasMaxLength(500);
        builder.Property(refund => refund.Branch).HasMaxLength(50);
        builder.HasIndex(refund => new { refund.TenantId, refund.PurchaseId, refund.OccurredAt })
            .HasDatabaseName("ix_purchase_refunds_tenant_purchase_occurred_at");
    }
}
