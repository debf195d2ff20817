using CustomerPlatform.Customers.Features.Attributes;
using CustomerPlatform.Customers.Features.Consent;
using CustomerPlatform.Customers.Features.Metrics;
using CustomerPlatform.Customers.Features.RecordPurchase;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Customers;

public static class CustomersEndpoints
{
    public static WebApplication MapCustomersEndpoints(this WebApplication app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireServiceScopes("customers");
        customers.MapRegisterCustomer();
        customers.MapGetCustomer();
        customers.MapUpdateCustomer();
        customers.MapArchiveCustomer();
        customers.MapConsent();
        customers.MapAttributes();
        customers.MapRecordPurchase();
        customers.MapGetCustomerMetrics();
        customers.MapSegments();
        return app;
    }
}
