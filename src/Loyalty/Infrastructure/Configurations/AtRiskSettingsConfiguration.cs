using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class AtRiskSettingsConfiguration : IEntityTypeConfiguration<AtRiskSettings>
{
    public void Configure(EntityTypeBuilder<AtRiskSettings> builder)
    {
        builder.ToTable("at_risk_settings");
        builder.HasKey(settings => settings.TenantId);
        builder.Property(settings => settings.Factor).HasPrecision(6, 2);
        builder.Property(settings => settings.Version).IsRowVersion();
    }
}
