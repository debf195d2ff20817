using CustomerPlatform.Standards.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class PeriodCloseDueConfiguration : IEntityTypeConfiguration<PeriodCloseDue>
{
    public void Configure(EntityTypeBuilder<PeriodCloseDue> builder)
    {
        builder.HasKey(due => due.TenantId);
        // The worker takes the longest-due row across businesses.
        builder.HasIndex(due => due.DueAt).HasDatabaseName("ix_period_close_dues_due_at");
    }
}
