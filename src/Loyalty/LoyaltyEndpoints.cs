using CustomerPlatform.Loyalty.Features.Adjustments;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.GetAccount;
using CustomerPlatform.Loyalty.Features.Ledger;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.Privacy;
using CustomerPlatform.Loyalty.Features.Redemptions;
using CustomerPlatform.Loyalty.Features.Rewards;
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
        return app;
    }
}
