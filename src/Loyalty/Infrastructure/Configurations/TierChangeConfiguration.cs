using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> builder)
    {
        builder.ToTable("tier_changes");
        builder.HasKey(change => change.Id);
        builder.Property(change => change.FromCode).HasMaxLength(50);
        builder.Property(change => change.ToCode).HasMaxLength(50);
        builder.Property(change => change.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(change => change.Basis).HasConversion<string>().HasMaxLength(10);
        builder.Property(change => change.QualifyingValue).HasPrecision(18, 4);
        builder.HasOne<LoyaltyAccount>().WithMany().HasForeignKey(change => change.AccountId).OnDelete(DeleteBehavior.Cascade);
        // A purchase looks up the last change before it happened.
        builder.HasIndex(change => new { change.TenantId, change.AccountId, change.OccurredAt }).HasDatabaseName("ix_tier_changes_tenant_account_occurred_at");
    }
}
