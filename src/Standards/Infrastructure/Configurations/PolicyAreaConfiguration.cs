using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class PolicyAreaConfiguration : IEntityTypeConfiguration<PolicyArea>
{
    public void Configure(EntityTypeBuilder<PolicyArea> builder)
    {
        builder.HasKey(area => new { area.TenantId, area.Key });
        builder.Property(area => area.Key).HasMaxLength(Slugs.MaxLength);
        builder.Property(area => area.Name).HasMaxLength(PolicyArea.MaxNameLength);
    }
}
