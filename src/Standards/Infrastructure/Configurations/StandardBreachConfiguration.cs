using CustomerPlatform.Standards.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class StandardBreachConfiguration : IEntityTypeConfiguration<StandardBreach>
{
    public void Configure(EntityTypeBuilder<StandardBreach> builder)
    {
        builder.HasKey(breach => breach.Id);
        builder.Property(breach => breach.Metric).HasMaxLength(60);
        builder.Property(breach => breach.Branch).HasMaxLength(50);
        builder.Property(breach => breach.Clock).HasConversion<string>().HasMaxLength(30);
        // The rule: a deadline is breached once.
        builder.HasOne<ComplaintDeadline>().WithOne().HasForeignKey<StandardBreach>(breach => breach.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(breach => breach.DeadlineId).IsUnique().HasDatabaseName("ux_standard_breaches_deadline");
        // The list pages by (occurred_at, id) within a business; the measures find a window's complaints' breaches.
        builder.HasIndex(breach => new { breach.TenantId, breach.OccurredAt, breach.Id }).HasDatabaseName("ix_standard_breaches_tenant_occurred");
        builder.HasIndex(breach => new { breach.TenantId, breach.ComplaintId }).HasDatabaseName("ix_standard_breaches_tenant_complaint");
    }
}
