using CustomerPlatform.Loyalty.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class WebhookSettingsConfiguration : IEntityTypeConfiguration<WebhookSettings>
{
    public void Configure(EntityTypeBuilder<WebhookSettings> builder)
    {
        builder.ToTable("webhook_settings");
        builder.HasKey(row => row.TenantId);
        builder.Property(row => row.Version).IsRowVersion();
    }
}
