using CustomerPlatform.Customers.Features.GetCustomer;
using CustomerPlatform.Customers.Features.Interactions;
using CustomerPlatform.Customers.Features.RecordPurchase;
using CustomerPlatform.Customers.Features.RegisterCustomer;
using CustomerPlatform.Customers.Features.Reports;
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
        customers.MapRecordInteraction();
        customers.MapListInteractions();
        customers.MapCompleteFollowUp();
        customers.MapListFollowUps();
        customers.MapNeedsReport();
        return app;
    }
}
