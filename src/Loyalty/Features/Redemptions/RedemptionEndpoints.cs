using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

/// <summary>The redemption routes, and what their handlers share.</summary>
public static class RedemptionEndpoints
{
    public const string BasePath = "/api/v1/loyalty/redemptions";

    public static void MapRedemptions(this RouteGroupBuilder loyalty)
    {
        loyalty.MapRedeemPoints();
        var redemptions = loyalty.MapGroup("/redemptions").WithTags("Redemptions");
        redemptions.MapGetRedemption();
        redemptions.MapListRedemptions();
        redemptions.MapVoidRedemption();
    }

    internal static string PathOf(Guid redemptionId) => $"{BasePath}/{redemptionId}";

    /// <summary>
    /// Takes the account's row lock for the rest of the transaction. Every posting to an account holds it (as the
    /// earn consumer does), so spending, giving back and earning queue for one account instead of racing: the balance
    /// checked is the balance posted to. Rewards are locked after accounts, never before, so no two postings deadlock.
    /// </summary>
    internal static Task LockAccountAsync(LoyaltyDbContext db, Guid tenantId, Guid customerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM accounts WHERE tenant_id = {tenantId} AND customer_id = {customerId} FOR UPDATE", cancellationToken);

    /// <summary>Takes units of a reward with limited stock, atomically; false when fewer are left.</summary>
    internal static async Task<bool> TakeStockAsync(LoyaltyDbContext db, Guid tenantId, Guid rewardId, int quantity, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE rewards SET stock = stock - {quantity} WHERE tenant_id = {tenantId} AND id = {rewardId} AND stock >= {quantity}",
            cancellationToken) == 1;

    /// <summary>Puts units of a voided redemption back, when the reward's stock is limited.</summary>
    internal static Task RestockAsync(LoyaltyDbContext db, Guid tenantId, Guid rewardId, int quantity, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE rewards SET stock = stock + {quantity} WHERE tenant_id = {tenantId} AND id = {rewardId} AND stock IS NOT NULL",
            cancellationToken);
}
