using CustomerPlatform.Loyalty.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Version).IsRowVersion();
        builder.Property(row => row.EventType).HasMaxLength(100);
        builder.Property(row => row.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(row => row.LastError).HasMaxLength(500);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(row => row.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(row => new { row.TenantId, row.SubscriptionId, row.EventId }).IsUnique().HasDatabaseName("ux_webhook_deliveries_subscription_event");
        builder.HasIndex(row => new { row.TenantId, row.SubscriptionId, row.CreatedAt, row.Id }).HasDatabaseName("ix_webhook_deliveries_subscription_created");
        // The worker's claim runs across tenants: only pending rows, by due time.
        builder.HasIndex(row => new { row.NextAttemptAt, row.Id }).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
    }
}
