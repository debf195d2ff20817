using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.GetAccount;
using CustomerPlatform.Loyalty.Features.Privacy;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Loyalty;

public static class LoyaltyEndpoints
{
    public static WebApplication MapLoyaltyEndpoints(this WebApplication app)
    {
        var loyalty = app.MapGroup("/api/v1/loyalty").WithTags("Loyalty").RequireServiceScopes("loyalty");
        loyalty.MapGetAccount();
        loyalty.MapLoyaltyPersonalData();
        loyalty.MapAtRiskSettings();
        loyalty.MapListAtRisk();
        return app;
    }
}
