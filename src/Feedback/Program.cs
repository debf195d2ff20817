using CustomerPlatform.Feedback;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<FeedbackDbContext>("feedback");
// Here, not only in AddPlatformService: the validation source generator finds the request types of the endpoints
// only in the assembly that calls AddValidation, so without this call no request is ever validated.
builder.Services.AddValidation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapFeedbackEndpoints();
await app.RunPlatformServiceAsync<FeedbackDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
