using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> builder)
    {
        builder.ToTable("rewards", table => table.HasCheckConstraint("ck_rewards_stock_not_negative", "stock IS NULL OR stock >= 0"));
        builder.HasKey(reward => reward.Id);
        builder.Property(reward => reward.Name).HasMaxLength(RewardDetails.MaxNameLength);
        builder.Property(reward => reward.Description).HasMaxLength(RewardDetails.MaxDescriptionLength);
        builder.Property(reward => reward.Branches).HasColumnType("text[]");
        builder.Property(reward => reward.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(reward => reward.Version).IsRowVersion();
        builder.HasIndex(reward => new { reward.TenantId, reward.CreatedAt, reward.Id }).HasDatabaseName("ix_rewards_tenant_created_at");
    }
}
