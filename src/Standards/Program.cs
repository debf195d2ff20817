using CustomerPlatform.Messaging;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.Standards;
using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.Standards.Features.CountFeedback;
using CustomerPlatform.Standards.Features.Privacy;
using CustomerPlatform.Standards.Features.Reviews;
using CustomerPlatform.Standards.Features.Scorecards;
using CustomerPlatform.Standards.Features.Scorecards.Measures;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StandardsDbContext>("standards", bus =>
{
    bus.AddConsumer<FeedbackReceivedConsumer>();
    bus.AddBranchDirectory<StandardsDbContext>("standards");
    bus.AddConsumer<CustomerErasureRequestedConsumer>();
    bus.AddConsumer<ServicePeriodClosedReviewConsumer>();
    bus.AddConsumer<StaffSuggestionConsumer>();
});
builder.Services.AddValidation();
builder.Services.Configure<ComplianceOptions>(builder.Configuration.GetSection(ComplianceOptions.Section));
builder.Services.AddScoped<ComplianceOverdueAnnouncer>();
builder.Services.AddScoped<Scorecards>();
builder.Services.AddScoped<IMetricMeasure, NpsMeasure>();
builder.Services.AddHostedService<ComplianceOverdueWorker>();
builder.Services.AddHostedService<OverdueComplianceItemsRefresher>();
builder.Services.Configure<ReviewOptions>(builder.Configuration.GetSection(ReviewOptions.Section));
builder.Services.AddHostedService<OverdueReviewsRefresher>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapStandardsEndpoints();
await app.RunPlatformServiceAsync<StandardsDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
