using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(entry => entry.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(entry => entry.Branch).HasMaxLength(50);
        builder.Property(entry => entry.Reason).HasMaxLength(500);
        builder.Property(entry => entry.Actor).HasMaxLength(200);
        builder.Property(entry => entry.PurchaseAmount).HasPrecision(18, 4);
        builder.HasOne<LoyaltyAccount>().WithMany().HasForeignKey(entry => entry.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(entry => new { entry.TenantId, entry.AccountId, entry.RecordedAt }).HasDatabaseName("ix_ledger_entries_tenant_account_recorded_at");
        // The same cause never credits twice, however often its event arrives.
        builder.HasIndex(entry => new { entry.TenantId, entry.Type, entry.Source, entry.SourceId }).IsUnique().HasDatabaseName("ux_ledger_entries_tenant_type_source");
        // The refunds of one purchase, summed so partial refunds never take back more than it earned.
        builder.HasIndex(entry => new { entry.TenantId, entry.ReversedEntryId })
            .HasFilter("reversed_entry_id IS NOT NULL")
            .HasDatabaseName("ix_ledger_entries_tenant_reversed_entry");
    }
}
