using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> builder)
    {
        builder.HasKey(task => new { task.TenantId, task.PolicyId, task.PolicyVersion, task.StaffId });
        builder.Property(task => task.Branch).HasMaxLength(PolicyContent.MaxBranchLength);
        builder.HasIndex(task => new { task.TenantId, task.Branch, task.RequestedAt })
            .HasFilter("acknowledged_at IS NULL")
            .HasDatabaseName("ix_policy_acknowledgements_tenant_branch_outstanding");
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(task => task.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
