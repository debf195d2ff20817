using CustomerPlatform.Loyalty.Features.GetAccount;
using CustomerPlatform.Loyalty.Features.Privacy;
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

        // Managed by the webhooks:manage scope alone (an integration's key need not read or write loyalty data).
        var webhooks = app.MapGroup("/api/v1/loyalty/webhooks").WithTags("Webhooks").RequireScope(Scopes.WebhooksManage);
        webhooks.MapManageWebhooks();
        webhooks.MapWebhookDeliveries();
        return app;
    }
}
