using CustomerPlatform.Loyalty.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Version).IsRowVersion();
        builder.Property(row => row.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        builder.Property(row => row.Branch).HasMaxLength(WebhookSubscription.MaxBranchLength);
        builder.Property(row => row.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(row => row.DisabledReason).HasMaxLength(WebhookSubscription.MaxReasonLength);
        builder.HasIndex(row => new { row.TenantId, row.CreatedAt, row.Id }).HasDatabaseName("ix_webhook_subscriptions_tenant_created");
    }
}
