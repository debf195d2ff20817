using CustomerPlatform.Loyalty.Features.Adjustments;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.GetAccount;
using CustomerPlatform.Loyalty.Features.Ledger;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.Privacy;
using CustomerPlatform.Loyalty.Features.Redemptions;
using CustomerPlatform.Loyalty.Features.Rewards;
using CustomerPlatform.Loyalty.Features.Webhooks;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty;

public static class LoyaltyEndpoints
{
    public static WebApplication MapLoyaltyEndpoints(this WebApplication app)
    {
        var loyalty = app.MapGroup("/api/v1/loyalty").WithTags("Loyalty").RequireServiceScopes("loyalty");
        loyalty.MapGetAccount();
        loyalty.MapLoyaltyPersonalData();
        loyalty.MapAdjustPoints();
        loyalty.MapLedger();
        loyalty.MapLoyaltyProgram();
        loyalty.MapRewards();
        loyalty.MapRedemptions();
        loyalty.MapAtRiskSettings();
        loyalty.MapListAtRisk();

        // Both loyalty's read/write scope (like every loyalty operation) and webhooks:manage: a key that may write
        // loyalty data may not, for that alone, send its events to a URL of its choosing.
        var webhooks = loyalty.MapGroup("/webhooks").WithTags("Webhooks").RequireScope(Scopes.WebhooksManage);
        webhooks.MapManageWebhooks();
        webhooks.MapWebhookDeliveries();
        return app;
    }
}
