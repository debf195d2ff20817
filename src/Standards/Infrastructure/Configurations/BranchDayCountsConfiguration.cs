using CustomerPlatform.Standards.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class BranchDayCountsConfiguration : IEntityTypeConfiguration<BranchDayCounts>
{
    public void Configure(EntityTypeBuilder<BranchDayCounts> builder)
    {
        builder.HasKey(counts => new { counts.TenantId, counts.Branch, counts.Day });
        builder.Property(counts => counts.Branch).HasMaxLength(50);
        builder.Property(counts => counts.CompensationAmount).HasPrecision(18, 4);
        builder.Ignore(counts => counts.Responses);
        builder.Ignore(counts => counts.Nps);
    }
}
