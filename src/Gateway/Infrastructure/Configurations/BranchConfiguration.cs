using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Gateway.Infrastructure.Configurations;

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.HasKey(branch => branch.Id);
        builder.Property(branch => branch.Code).HasMaxLength(BranchDetails.MaxCodeLength);
        builder.Property(branch => branch.Name).HasMaxLength(200);
        builder.Property(branch => branch.TimeZone).HasMaxLength(64);
        builder.Property(branch => branch.Address).HasJsonColumn();
        builder.Property(branch => branch.OpeningHours).HasJsonColumn();
        builder.Property(branch => branch.Holidays).HasJsonColumn();
        builder.Property(branch => branch.Revision).IsConcurrencyToken();
        builder.Ignore(branch => branch.IsClosed);
        builder.HasIndex(branch => new { branch.TenantId, branch.Code }).IsUnique().HasDatabaseName("ux_branches_tenant_code");
        builder.HasOne<Business>().WithMany().HasForeignKey(branch => branch.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
