using CustomerPlatform.Loyalty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Loyalty.Infrastructure.Configurations;

internal sealed class LoyaltyAccountConfiguration : IEntityTypeConfiguration<LoyaltyAccount>
{
    public void Configure(EntityTypeBuilder<LoyaltyAccount> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(account => account.Id);
        builder.Property(account => account.Version).IsRowVersion();
        builder.HasIndex(account => new { account.TenantId, account.CustomerId }).IsUnique().HasDatabaseName("ux_accounts_tenant_customer");
        // The expiry worker's queue: only accounts with points waiting to expire.
        builder.HasIndex(account => account.ExpiryDueAt).HasFilter("expiry_due_at IS NOT NULL").HasDatabaseName("ix_accounts_expiry_due_at");
        builder.HasOne<LoyaltyAccount>().WithMany().HasForeignKey(account => account.MergedIntoAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(account => account.Birthday).HasConversion(birthday => birthday!.ToString(), text => Birthday.Parse(text)).HasMaxLength(5);
        // The birthday worker's due rows: only accounts with a birthday, found in due order across tenants.
        builder.HasIndex(account => account.NextBirthdayAt).HasFilter("next_birthday_at IS NOT NULL").HasDatabaseName("ix_accounts_next_birthday_at");
    }
}
