using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class LoyaltyProgramVersionConfiguration : IEntityTypeConfiguration<LoyaltyProgramVersion>
{
    public void Configure(EntityTypeBuilder<LoyaltyProgramVersion> builder)
    {
        builder.ToTable("program_versions");
        builder.HasKey(version => version.Id);
        // Read and written whole, never queried inside: one jsonb document per version.
        builder.Property(version => version.Rules).HasJsonColumn();
        // Two concurrent PUTs on the same current version both make N+1: the key lets one win and the other get 409.
        builder.HasIndex(version => new { version.TenantId, version.Version }).IsUnique().HasDatabaseName("ux_program_versions_tenant_version");
        builder.HasIndex(version => new { version.TenantId, version.EffectiveFrom }).HasDatabaseName("ix_program_versions_tenant_effective_from");
    }
}
