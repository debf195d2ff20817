using CustomerPlatform.Standards.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplaintClockConfiguration : IEntityTypeConfiguration<ComplaintClock>
{
    public void Configure(EntityTypeBuilder<ComplaintClock> builder)
    {
        builder.HasKey(clock => new { clock.TenantId, clock.ComplaintId });
        builder.Property(clock => clock.Branch).HasMaxLength(50);
        builder.Property(clock => clock.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(clock => clock.IsWaiting);
        // The complaint-time measures read a business's complaints opened in a window, by branch.
        builder.HasIndex(clock => new { clock.TenantId, clock.ReceivedAt, clock.Branch }).HasDatabaseName("ix_complaint_clocks_tenant_received");
    }
}
