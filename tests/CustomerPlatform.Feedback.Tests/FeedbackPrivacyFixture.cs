using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>The Feedback service with a test bus that publishes CustomerErasureRequested as Customers would.</summary>
public sealed class FeedbackPrivacyFixture() : ConsumingServiceFixture<Program>("feedbackdb", ErasureRequestedQueue)
{
    public const string ErasureRequestedQueue = "feedback-customer-erasure-requested";
}
