using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.HasKey(staff => staff.Id);
        builder.Property(staff => staff.Code).HasMaxLength(StaffMember.MaxCodeLength);
        builder.Property(staff => staff.Name).HasMaxLength(StaffMember.MaxNameLength);
        builder.Property(staff => staff.Branch).HasMaxLength(PolicyContent.MaxBranchLength);
        builder.Property(staff => staff.Version).IsRowVersion();
        builder.HasIndex(staff => new { staff.TenantId, staff.Code }).IsUnique().HasDatabaseName("ux_staff_members_tenant_code");
        builder.HasIndex(staff => new { staff.TenantId, staff.Branch, staff.Code }).HasDatabaseName("ix_staff_members_tenant_branch");
    }
}
