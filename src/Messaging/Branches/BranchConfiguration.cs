using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Messaging.Branches;

/// <summary>The <c>branches</c> table, the same in every service that keeps the directory.</summary>
internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.ToTable("branches");
        builder.HasKey(branch => new { branch.TenantId, branch.Code });
        builder.Property(branch => branch.Code).HasMaxLength(50);
        builder.Property(branch => branch.Name).HasMaxLength(200);
        builder.Property(branch => branch.TimeZone).HasMaxLength(64);
        builder.Property(branch => branch.OpeningHours).HasJsonColumn();
        builder.Property(branch => branch.Holidays).HasJsonColumn();
    }
}
