using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class PurchaseRhythmConfiguration : IEntityTypeConfiguration<PurchaseRhythm>
{
    public void Configure(EntityTypeBuilder<PurchaseRhythm> builder)
    {
        builder.ToTable("purchase_rhythms");
        builder.HasKey(rhythm => rhythm.AccountId);
        builder.Property(rhythm => rhythm.Version).IsRowVersion();
        builder.Property(rhythm => rhythm.LastBranch).HasMaxLength(50);
        builder.Ignore(rhythm => rhythm.UsualInterval);
        builder.HasOne<LoyaltyAccount>().WithOne().HasForeignKey<PurchaseRhythm>(rhythm => rhythm.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(rhythm => new { rhythm.TenantId, rhythm.LastPurchaseAt }).HasDatabaseName("ix_purchase_rhythms_tenant_last_purchase_at");
    }
}
