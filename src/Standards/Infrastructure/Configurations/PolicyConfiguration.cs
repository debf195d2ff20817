using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        builder.HasKey(policy => policy.Id);
        builder.Property(policy => policy.Area).HasMaxLength(Slugs.MaxLength);
        builder.Property(policy => policy.Title).HasMaxLength(PolicyContent.MaxTitleLength);
        builder.Property(policy => policy.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(policy => policy.Version).IsRowVersion();
        // One policy per area and title: a second one with the same title is a 409, not a silent twin.
        builder.HasIndex(policy => new { policy.TenantId, policy.Area, policy.Title }).IsUnique().HasDatabaseName("ux_policies_tenant_area_title");
        builder.HasIndex(policy => new { policy.TenantId, policy.CreatedAt, policy.Id }).HasDatabaseName("ix_policies_tenant_created_at");
    }
}
