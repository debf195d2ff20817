using CustomerPlatform.Standards.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.HasKey(followUp => new { followUp.TenantId, followUp.InteractionId });
        builder.Property(followUp => followUp.Branch).HasMaxLength(50);
        // A branch's scorecard reads the follow-ups due in a window.
        builder.HasIndex(followUp => new { followUp.TenantId, followUp.Branch, followUp.DueAt }).HasDatabaseName("ix_follow_ups_branch_due_at");
    }
}
