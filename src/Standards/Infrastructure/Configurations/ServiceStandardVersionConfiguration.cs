using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Measurable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ServiceStandardVersionConfiguration : IEntityTypeConfiguration<ServiceStandardVersion>
{
    public void Configure(EntityTypeBuilder<ServiceStandardVersion> builder)
    {
        builder.HasKey(version => new { version.StandardId, version.Number });
        builder.Property(version => version.Terms).HasJsonColumn();
    }
}
