using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>Keeps each account's <see cref="PurchaseRhythm"/> as purchases are credited.</summary>
internal static class PurchaseRhythms
{
    /// <summary>
    /// Counts a purchase in the account's rhythm. The caller holds the account's row lock and has checked the purchase
    /// is new, so a redelivered purchase is never counted twice.
    /// </summary>
    public static async Task RecordAsync(LoyaltyDbContext db, LoyaltyAccount account, DateTimeOffset occurredAt, string? branch, CancellationToken cancellationToken)
    {
        var rhythm = await db.PurchaseRhythms.FirstOrDefaultAsync(found => found.AccountId == account.Id, cancellationToken);
        if (rhythm is null)
        {
            db.PurchaseRhythms.Add(PurchaseRhythm.Start(account, occurredAt, branch));
            return;
        }

        rhythm.Record(occurredAt, branch);
    }

    /// <summary>The business's settings, or the defaults when it has not set its own.</summary>
    public static async Task<AtRiskSettings> SettingsAsync(LoyaltyDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.AtRiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? AtRiskSettings.Defaults(tenantId);
}
