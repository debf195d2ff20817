using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Domain.Measurable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplaintDeadlineConfiguration : IEntityTypeConfiguration<ComplaintDeadline>
{
    public void Configure(EntityTypeBuilder<ComplaintDeadline> builder)
    {
        builder.HasKey(deadline => deadline.Id);
        builder.Property(deadline => deadline.Metric).HasMaxLength(60);
        builder.Property(deadline => deadline.Branch).HasMaxLength(50);
        builder.Property(deadline => deadline.Clock).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<ComplaintClock>().WithMany().HasForeignKey(deadline => new { deadline.TenantId, deadline.ComplaintId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServiceStandard>().WithMany().HasForeignKey(deadline => deadline.StandardId).OnDelete(DeleteBehavior.Restrict);
        // The natural key: a redelivered opening or reopen cannot set a second deadline.
        builder.HasIndex(deadline => new { deadline.TenantId, deadline.ComplaintId, deadline.StandardId, deadline.Clock, deadline.StartedAt })
            .IsUnique().HasDatabaseName("ux_complaint_deadlines_complaint_standard_clock");
        // The worker's claim: only deadlines still to check, across tenants.
        builder.HasIndex(deadline => deadline.NextCheckAt).HasFilter("next_check_at IS NOT NULL").HasDatabaseName("ix_complaint_deadlines_next_check");
    }
}
