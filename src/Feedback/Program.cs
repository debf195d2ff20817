using CustomerPlatform.Feedback;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Features.Privacy;
using CustomerPlatform.Feedback.Features.Reports;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<FeedbackDbContext>("feedback", bus =>
{
    bus.AddConsumer<CustomerErasureRequestedConsumer>();
    bus.AddConsumer<SegmentMembershipConsumer>();
    bus.AddConsumer<PurchaseCountConsumer>();
});
builder.Services.AddValidation();
builder.Services.AddSingleton<SurveyLinks>();
builder.Services.AddScoped<SurveyInvitations>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapFeedbackEndpoints();
await app.RunPlatformServiceAsync<FeedbackDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
