using CustomerPlatform.Messaging;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.Standards;
using CustomerPlatform.Standards.Features.ComplaintClocks;
using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.Standards.Features.CountFacts;
using CustomerPlatform.Standards.Features.FollowUps;
using CustomerPlatform.Standards.Features.Privacy;
using CustomerPlatform.Standards.Features.Reviews;
using CustomerPlatform.Standards.Features.Scorecards;
using CustomerPlatform.Standards.Features.Scorecards.Measures;
using CustomerPlatform.Standards.Features.ServicePeriods;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StandardsDbContext>("standards", bus =>
{
    bus.AddConsumer<FeedbackReceivedConsumer>();
    bus.AddConsumer<SurveyInvitationCountConsumer>();
    bus.AddConsumer<PurchaseCountConsumer>();
    bus.AddConsumer<ComplaintCountConsumer>();
    bus.AddConsumer<CompensationCountConsumer>();
    bus.AddConsumer<InteractionFollowUpConsumer>();
    bus.AddConsumer<FollowUpCompletionConsumer>();
    bus.AddBranchDirectory<StandardsDbContext>("standards");
    bus.AddConsumer<CustomerErasureRequestedConsumer>();
    ComplaintClocks.AddConsumers(bus);
    bus.AddConsumer<ServicePeriodClosedReviewConsumer>();
    bus.AddConsumer<StaffSuggestionConsumer>();
});
builder.Services.AddValidation();
builder.Services.Configure<ComplianceOptions>(builder.Configuration.GetSection(ComplianceOptions.Section));
builder.Services.AddScoped<ComplianceOverdueAnnouncer>();
builder.Services.AddScoped<Scorecards>();
builder.Services.AddScoped<IMetricMeasure, BranchDayCountsMeasure>();
builder.Services.AddScoped<IMetricMeasure, FollowUpCompletionMeasure>();
builder.Services.AddScoped<IMetricMeasure, PolicyAcknowledgementMeasure>();
builder.Services.AddScoped<IMetricMeasure, ComplaintTimeMeasure>();
builder.Services.Configure<ComplaintClockOptions>(builder.Configuration.GetSection(ComplaintClockOptions.Section));
builder.Services.AddScoped<ComplaintDeadlineChecker>();
builder.Services.AddHostedService<ComplaintDeadlineWorker>();
builder.Services.AddHostedService<ComplianceOverdueWorker>();
builder.Services.AddHostedService<OverdueComplianceItemsRefresher>();
builder.Services.Configure<ServicePeriodOptions>(builder.Configuration.GetSection(ServicePeriodOptions.Section));
builder.Services.AddScoped<PeriodCloses>();
builder.Services.AddHostedService<ServicePeriodCloseWorker>();
builder.Services.AddHostedService<StandardsAtRiskRefresher>();
builder.Services.Configure<ReviewOptions>(builder.Configuration.GetSection(ReviewOptions.Section));
builder.Services.AddHostedService<OverdueReviewsRefresher>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapStandardsEndpoints();
await app.RunPlatformServiceAsync<StandardsDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
