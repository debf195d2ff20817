using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.HasKey(branch => new { branch.TenantId, branch.Code });
        builder.Property(branch => branch.Code).HasMaxLength(50);
        builder.Property(branch => branch.Name).HasMaxLength(200);
        builder.Property(branch => branch.TimeZone).HasMaxLength(64);
        builder.Property(branch => branch.OpeningHours).HasJsonColumn();
        builder.Property(branch => branch.Holidays).HasJsonColumn();
    }
}
