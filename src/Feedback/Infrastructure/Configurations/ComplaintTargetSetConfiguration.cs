using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintTargetSetConfiguration : IEntityTypeConfiguration<ComplaintTargetSet>
{
    public void Configure(EntityTypeBuilder<ComplaintTargetSet> builder)
    {
        builder.ToTable("complaint_targets");
        // Two writers of the same next version: the second fails on this key instead of both becoming current.
        builder.HasKey(set => new { set.TenantId, set.Version });
        builder.Property(set => set.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(set => set.Targets).HasJsonColumn();
    }
}
