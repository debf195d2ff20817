using CustomerPlatform.Feedback;
using CustomerPlatform.Feedback.Features.ClosedLoop;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Features.ComplaintTargets;
using CustomerPlatform.Feedback.Features.Privacy;
using CustomerPlatform.Feedback.Features.Triggers;
using CustomerPlatform.Feedback.Features.Reports;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging;
using CustomerPlatform.Messaging.Branches;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<FeedbackDbContext>("feedback", bus =>
{
    bus.AddConsumer<CustomerErasureRequestedConsumer>();
    bus.AddConsumer<CustomerConsentChangedConsumer>();
    bus.AddConsumer<CustomerRegisteredConsentConsumer>();
    bus.AddConsumer<PurchaseRecordedTriggerConsumer>();
    bus.AddConsumer<ServiceVisitRecordedTriggerConsumer>();
    bus.AddConsumer<ComplaintResolvedTriggerConsumer>();
    bus.AddConsumer<SurveyResponseClosedLoopConsumer>();
    bus.AddConsumer<SegmentMembershipConsumer>();
    bus.AddConsumer<PurchaseCountConsumer>();
    bus.AddConsumer<ComplaintTargetsPublishedConsumer>();
    bus.AddBranchDirectory<FeedbackDbContext>("feedback");
});
builder.Services.AddHostedService<ComplaintGaugeRefresher>();
builder.Services.AddValidation();
builder.Services.AddSingleton<SurveyLinks>();
builder.Services.AddScoped<SurveyInvitations>();
builder.Services.Configure<ScheduledInvitationOptions>(builder.Configuration.GetSection(ScheduledInvitationOptions.Section));
builder.Services.AddScoped<ScheduledInvitationSender>();
builder.Services.AddHostedService<ScheduledInvitationWorker>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapFeedbackEndpoints();
await app.RunPlatformServiceAsync<FeedbackDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
