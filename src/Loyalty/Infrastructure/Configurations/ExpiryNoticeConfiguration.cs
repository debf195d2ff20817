using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class ExpiryNoticeConfiguration : IEntityTypeConfiguration<ExpiryNotice>
{
    public void Configure(EntityTypeBuilder<ExpiryNotice> builder)
    {
        builder.ToTable("expiry_notices");
        builder.HasKey(notice => notice.EntryId);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(notice => notice.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(notice => new { notice.TenantId, notice.AccountId }).HasDatabaseName("ix_expiry_notices_tenant_account");
    }
}
