using CustomerPlatform.Standards.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class BranchPeriodScoreConfiguration : IEntityTypeConfiguration<BranchPeriodScore>
{
    public void Configure(EntityTypeBuilder<BranchPeriodScore> builder)
    {
        builder.HasKey(score => new { score.TenantId, score.Branch, score.PeriodStart });
        builder.Property(score => score.Branch).HasMaxLength(50);
        builder.Property(score => score.Version).IsRowVersion();
        builder.Ignore(score => score.Responses);
        builder.Ignore(score => score.Nps);
    }
}
