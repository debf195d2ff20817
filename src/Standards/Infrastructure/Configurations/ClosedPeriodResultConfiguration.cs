using CustomerPlatform.Standards.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ClosedPeriodResultConfiguration : IEntityTypeConfiguration<ClosedPeriodResult>
{
    public void Configure(EntityTypeBuilder<ClosedPeriodResult> builder)
    {
        builder.HasKey(result => result.Id);
        builder.Property(result => result.Name).HasMaxLength(200);
        builder.Property(result => result.Metric).HasMaxLength(60);
        builder.Property(result => result.Branch).HasMaxLength(50);
        builder.Property(result => result.Comparator).HasConversion<string>().HasMaxLength(20);
        builder.Property(result => result.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(result => new { result.TenantId, result.PeriodId }).HasDatabaseName("ix_closed_period_results_tenant_period");
        builder.HasMany(result => result.Failings).WithOne().HasForeignKey(failing => failing.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}
