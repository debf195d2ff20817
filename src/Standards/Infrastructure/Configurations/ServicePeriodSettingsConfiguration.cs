using CustomerPlatform.Standards.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ServicePeriodSettingsConfiguration : IEntityTypeConfiguration<ServicePeriodSettings>
{
    public void Configure(EntityTypeBuilder<ServicePeriodSettings> builder)
    {
        // One per business.
        builder.HasKey(settings => settings.TenantId);
        builder.Property(settings => settings.Length).HasConversion<string>().HasMaxLength(20);
        builder.Property(settings => settings.Version).IsRowVersion();
        builder.Ignore(settings => settings.Calendar);
    }
}
