using CustomerPlatform.Standards.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ClosedPeriodFailingConfiguration : IEntityTypeConfiguration<ClosedPeriodFailing>
{
    public void Configure(EntityTypeBuilder<ClosedPeriodFailing> builder)
    {
        builder.ToTable("closed_period_failings");
        builder.HasKey(failing => new { failing.ResultId, failing.Position });
        builder.Property(failing => failing.Kind).HasMaxLength(40);
        builder.Property(failing => failing.Detail).HasMaxLength(500);
    }
}
