using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("redemptions");
        builder.HasKey(redemption => redemption.Id);
        builder.Property(redemption => redemption.RewardName).HasMaxLength(RewardDetails.MaxNameLength);
        builder.Property(redemption => redemption.Branch).HasMaxLength(RewardDetails.MaxBranchLength);
        builder.Property(redemption => redemption.Code).HasMaxLength(11);
        builder.Property(redemption => redemption.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(redemption => redemption.VoidReason).HasMaxLength(Redemption.MaxReasonLength);
        builder.Property(redemption => redemption.Version).IsRowVersion();
        builder.HasOne<LoyaltyAccount>().WithMany().HasForeignKey(redemption => redemption.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reward>().WithMany().HasForeignKey(redemption => redemption.RewardId).OnDelete(DeleteBehavior.Restrict);
        // A till looks a code up within its business, so codes are unique per business.
        builder.HasIndex(redemption => new { redemption.TenantId, redemption.Code }).IsUnique().HasDatabaseName("ux_redemptions_tenant_code");
        builder.HasIndex(redemption => new { redemption.TenantId, redemption.AccountId, redemption.RewardId }).HasDatabaseName("ix_redemptions_tenant_account_reward");
        builder.HasIndex(redemption => new { redemption.TenantId, redemption.CreatedAt, redemption.Id }).HasDatabaseName("ix_redemptions_tenant_created_at");
    }
}
