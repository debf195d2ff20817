using CustomerPlatform.Customers.Features.Attributes;
using CustomerPlatform.Customers.Features.Consent;
using CustomerPlatform.Customers.Features.DataCurrency;
using CustomerPlatform.Customers.Features.Export;
using CustomerPlatform.Customers.Features.Import;
using CustomerPlatform.Customers.Features.Interactions;
using CustomerPlatform.Customers.Features.Metrics;
using CustomerPlatform.Customers.Features.Privacy;
using CustomerPlatform.Customers.Features.Purchases;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Features.Reports;
using CustomerPlatform.Customers.Features.Search;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.Customers.Features.ServiceVisits;
using CustomerPlatform.Customers.Features.Timeline;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Customers;

public static class CustomersEndpoints
{
    public static WebApplication MapCustomersEndpoints(this WebApplication app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireServiceScopes("customers");
        customers.MapRegisterCustomer();
        customers.MapSearchCustomers();
        customers.MapGetCustomer();
        customers.MapUpdateCustomer();
        customers.MapArchiveCustomer();
        customers.MapConsent();
        customers.MapAttributes();
        customers.MapRecordPurchase();
        customers.MapRecordInteraction();
        customers.MapListInteractions();
        customers.MapCompleteFollowUp();
        customers.MapListFollowUps();
        customers.MapNeedsReport();
        customers.MapTimeline();
        customers.MapGetPurchases();
        customers.MapRefundPurchase();
        customers.MapRecordServiceVisit();
        customers.MapGetServiceVisits();
        customers.MapGetCustomerMetrics();
        customers.MapSegments();
        customers.MapImports();
        customers.MapExports();
        customers.MapCustomerErasure();
        customers.MapCustomerPersonalData();
        customers.MapDuplicates();
        customers.MapMergeCustomers();
        customers.MapUnverifiedCustomers();
        return app;
    }
}
