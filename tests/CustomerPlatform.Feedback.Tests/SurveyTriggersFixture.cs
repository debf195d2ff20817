using CustomerPlatform.Feedback.Features.Triggers;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>
/// The Feedback service with a test bus publishing Customers' purchase, visit, consent and erasure events, and the
/// invitation worker polling often so a due row is picked up within a test's patience.
/// </summary>
public sealed class SurveyTriggersFixture() : ConsumingServiceFixture<Program>(
    "feedbackdb",
    "feedback-purchase-recorded-trigger",
    "feedback-service-visit-recorded-trigger",
    "feedback-complaint-resolved-trigger",
    "feedback-customer-consent-changed",
    FeedbackPrivacyFixture.ErasureRequestedQueue)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ScheduledInvitationOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
    }
}
