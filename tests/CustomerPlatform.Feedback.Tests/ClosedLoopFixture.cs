using CustomerPlatform.Feedback.Features.Triggers;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>
/// The Feedback service consuming its own survey responses (the closed loop) and resolved complaints (the follow-up
/// trigger), with a test bus that can redeliver a response's event, and the invitation worker polling often.
/// </summary>
public sealed class ClosedLoopFixture() : ConsumingServiceFixture<Program>(
    "feedbackdb",
    ClosedLoopQueue,
    "feedback-complaint-resolved-trigger",
    "feedback-customer-consent-changed")
{
    public const string ClosedLoopQueue = "feedback-survey-response-closed-loop";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ScheduledInvitationOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
    }
}
