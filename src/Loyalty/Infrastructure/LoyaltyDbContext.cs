using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Domain.Expiry;
using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.Loyalty.Domain.Tiers;
using CustomerPlatform.Loyalty.Domain.Webhooks;
using CustomerPlatform.Messaging;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Infrastructure;

public sealed class LoyaltyDbContext(DbContextOptions<LoyaltyDbContext> options) : ServiceDbContext(options)
{
    public DbSet<LoyaltyAccount> Accounts => Set<LoyaltyAccount>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LoyaltyProgramVersion> ProgramVersions => Set<LoyaltyProgramVersion>();
    public DbSet<Reward> Rewards => Set<Reward>();
    public DbSet<Redemption> Redemptions => Set<Redemption>();
    public DbSet<PurchaseRhythm> PurchaseRhythms => Set<PurchaseRhythm>();
    public DbSet<AtRiskSettings> AtRiskSettings => Set<AtRiskSettings>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookSettings> WebhookSettings => Set<WebhookSettings>();
    public DbSet<ExpiryNotice> ExpiryNotices => Set<ExpiryNotice>();
    public DbSet<AccountTier> AccountTiers => Set<AccountTier>();
    public DbSet<TierChange> TierChanges => Set<TierChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
