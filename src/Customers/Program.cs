using CustomerPlatform.Customers;
using CustomerPlatform.Customers.Features.DataCurrency;
using CustomerPlatform.Customers.Features.Import;
using CustomerPlatform.Customers.Features.Metrics;
using CustomerPlatform.Customers.Features.Privacy;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.Customers.Features.Timeline;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<CustomersDbContext>("customers", bus =>
{
    bus.AddConsumer<PurchaseMetricsConsumer>();
    bus.AddConsumer<RefundMetricsConsumer>();
    bus.AddConsumer<FeedbackActivityConsumer>();
    bus.AddConsumer<PointsEarnedActivityConsumer>();
    bus.AddConsumer<LoyaltyAccountOpenedActivityConsumer>();
    bus.AddConsumer<PointsReversedActivityConsumer>();
    bus.AddConsumer<CustomerAtRiskActivityConsumer>();
    bus.AddConsumer<PointsRedeemedActivityConsumer>();
    bus.AddConsumer<PointsAdjustedActivityConsumer>();
    bus.AddConsumer<PointsExpiredActivityConsumer>();
    bus.AddConsumer<PointsExpiringActivityConsumer>();
    bus.AddConsumer<TierChangedActivityConsumer>();
    ComplaintActivities.AddConsumers(bus);
    bus.AddConsumer<CustomerErasureCompletedConsumer>();
});
builder.AddSegments();
builder.AddImports();
builder.AddDataCurrency();
builder.Services.AddValidation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCustomersEndpoints();
await app.RunPlatformServiceAsync<CustomersDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
