using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> builder)
    {
        builder.HasKey(line => line.Id);
        builder.Property(line => line.Id).ValueGeneratedNever();
        builder.Property(line => line.Sku).HasMaxLength(64);
        builder.Property(line => line.Description).HasMaxLength(200);
        builder.Property(line => line.Category).HasMaxLength(100);
        builder.Property(line => line.Quantity).HasPrecision(19, 4);
        builder.Property(line => line.UnitPrice).HasPrecision(19, 4);
        builder.Property(line => line.Amount).HasPrecision(19, 4);
        builder.HasIndex(line => new { line.TenantId, line.PurchaseId, line.LineNumber })
            .HasDatabaseName("ux_purchase_lines_tenant_purchase_line")
            .IsUnique();
        // Sales by category and period are reported from here.
        builder.HasIndex(line => new { line.TenantId, line.Category }).HasDatabaseName("ix_purchase_lines_tenant_category");
    }
}
