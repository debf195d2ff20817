using CustomerPlatform.Customers.Features.GetCustomer;
using CustomerPlatform.Customers.Features.Purchases;
using CustomerPlatform.Customers.Features.RegisterCustomer;
using CustomerPlatform.Customers.Features.ServiceVisits;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Customers;

public static class CustomersEndpoints
{
    public static WebApplication MapCustomersEndpoints(this WebApplication app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireServiceScopes("customers");
        customers.MapRegisterCustomer();
        customers.MapGetCustomer();
        customers.MapRecordPurchase();
        customers.MapGetPurchases();
        customers.MapRefundPurchase();
        customers.MapRecordServiceVisit();
        customers.MapGetServiceVisits();
        return app;
    }
}
