using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class AccountTierConfiguration : IEntityTypeConfiguration<AccountTier>
{
    public void Configure(EntityTypeBuilder<AccountTier> builder)
    {
        builder.ToTable("account_tiers");
        builder.HasKey(tier => tier.AccountId);
        builder.Property(tier => tier.Version).IsRowVersion();
        builder.Property(tier => tier.Code).HasMaxLength(50);
        builder.Property(tier => tier.QualifyingValue).HasPrecision(18, 4);
        builder.HasOne<LoyaltyAccount>().WithOne().HasForeignKey<AccountTier>(tier => tier.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The tier worker's queue: only rows with something due, across tenants, earliest first.
        builder.HasIndex(tier => tier.DueAt).HasFilter("due_at IS NOT NULL").HasDatabaseName("ix_account_tiers_due_at");
    }
}
