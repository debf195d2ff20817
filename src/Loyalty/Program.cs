using CustomerPlatform.Loyalty;
using CustomerPlatform.Loyalty.Features.AtRisk;
using CustomerPlatform.Loyalty.Features.Expiry;
using CustomerPlatform.Loyalty.Features.Bonuses;
using CustomerPlatform.Loyalty.Features.Meters;
using CustomerPlatform.Loyalty.Features.EarnPoints;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Features.Privacy;
using CustomerPlatform.Loyalty.Features.Goodwill;
using CustomerPlatform.Loyalty.Features.Merge;
using CustomerPlatform.Loyalty.Features.Refunds;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Features.Webhooks;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<LoyaltyDbContext>("loyalty", bus =>
{
    bus.AddConsumer<CustomerRegisteredConsumer>();
    bus.AddConsumer<PurchaseRecordedConsumer>();
    bus.AddConsumer<CustomerErasureRequestedConsumer>();
    bus.AddConsumer<PurchaseRefundedConsumer>();
    bus.AddConsumer<CompensationApprovedConsumer>();
    bus.AddConsumer<CustomersMergedConsumer>();
    bus.AddConsumer<FeedbackReceivedConsumer>();
    bus.AddConsumer<CustomerUpdatedConsumer>();
    bus.AddWebhookConsumers();
});
builder.Services.AddValidation();
builder.Services.Configure<AtRiskOptions>(builder.Configuration.GetSection(AtRiskOptions.Section));
builder.Services.AddScoped<AtRiskAnnouncer>();
builder.Services.AddHostedService<AtRiskWorker>();
builder.Services.Configure<ExpiryOptions>(builder.Configuration.GetSection(ExpiryOptions.Section));
builder.Services.AddScoped<PointsExpirer>();
builder.Services.AddHostedService<ExpiryWorker>();
builder.Services.Configure<TierOptions>(builder.Configuration.GetSection(TierOptions.Section));
builder.Services.AddScoped<TierReviewer>();
builder.Services.AddHostedService<TierWorker>();
builder.Services.Configure<BirthdayBonusOptions>(builder.Configuration.GetSection(BirthdayBonusOptions.Section));
builder.Services.AddScoped<BirthdayBonusPayer>();
builder.Services.AddHostedService<BirthdayBonusWorker>();
builder.Services.Configure<LoyaltyMeterOptions>(builder.Configuration.GetSection(LoyaltyMeterOptions.Section));
builder.Services.AddHostedService<OutstandingPointsRefresher>();
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
builder.Services.AddSingleton<WebhookSecrets>();
builder.Services.AddSingleton<WebhookHttp>();
builder.Services.AddSingleton<WebhookWakeSignal>();
builder.Services.AddScoped<WebhookDeliverySender>();
builder.Services.AddHostedService<WebhookDeliveryWorker>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapLoyaltyEndpoints();
await app.RunPlatformServiceAsync<LoyaltyDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
