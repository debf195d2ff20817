using CustomerPlatform.Loyalty.Features.GetAccount;

namespace CustomerPlatform.Loyalty;

public static class LoyaltyEndpoints
{
    public static WebApplication MapLoyaltyEndpoints(this WebApplication app)
    {
        var loyalty = app.MapGroup("/api/v1/loyalty").WithTags("Loyalty");
        loyalty.MapGetAccount();
        return app;
    }
}
