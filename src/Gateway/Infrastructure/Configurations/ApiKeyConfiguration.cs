using CustomerPlatform.Gateway.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Gateway.Infrastructure.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Name).HasMaxLength(200);
        builder.Property(key => key.Lookup).HasMaxLength(12);
        builder.Property(key => key.SecretHash).HasMaxLength(32);
        builder.Property(key => key.Branch).HasMaxLength(50);
        builder.HasIndex(key => key.Lookup).IsUnique().HasDatabaseName("ux_api_keys_lookup");
        builder.HasIndex(key => key.TenantId).HasDatabaseName("ix_api_keys_tenant");
        builder.HasOne<Business>().WithMany().HasForeignKey(key => key.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
