using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerMetricsConfiguration : IEntityTypeConfiguration<CustomerMetrics>
{
    public void Configure(EntityTypeBuilder<CustomerMetrics> builder)
    {
        builder.ToTable("customer_metrics");
        builder.HasKey(metrics => new { metrics.TenantId, metrics.CustomerId });
        builder.Property(metrics => metrics.TotalSpent).HasPrecision(19, 4);
        builder.Property(metrics => metrics.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(metrics => metrics.RfmCell).HasMaxLength(3);
        builder.Property(metrics => metrics.ValueTier).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerMetrics>(metrics => metrics.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // What segment rules filter on most; each leads with the tenant so one business's rows are one range.
        builder.HasIndex(metrics => new { metrics.TenantId, metrics.ValueTier }).HasDatabaseName("ix_customer_metrics_tenant_value_tier");
        builder.HasIndex(metrics => new { metrics.TenantId, metrics.LastPurchaseAt }).HasDatabaseName("ix_customer_metrics_tenant_last_purchase_at");
    }
}

internal sealed class MetricsRescoreRequestConfiguration : IEntityTypeConfiguration<MetricsRescoreRequest>
{
    public void Configure(EntityTypeBuilder<MetricsRescoreRequest> builder)
    {
        builder.ToTable("metrics_rescore_requests");
        builder.HasKey(request => request.TenantId);
    }
}
