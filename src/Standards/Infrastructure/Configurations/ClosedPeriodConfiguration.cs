using CustomerPlatform.Standards.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.HasKey(period => period.Id);
        builder.Property(period => period.Length).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(period => period.Span);
        // A period closes once: two closes racing past the lock would meet here.
        builder.HasIndex(period => new { period.TenantId, period.Start }).IsUnique().HasDatabaseName("ux_closed_periods_tenant_start");
        builder.HasMany(period => period.Results).WithOne().HasForeignKey(result => result.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}
