using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>The Feedback service plus a test bus that publishes the gateway's branch events, as the gateway would.</summary>
public sealed class FeedbackBranchesFixture()
    : ConsumingServiceFixture<Program>("feedbackdb", "feedback-branch-registered", "feedback-branch-updated", "feedback-branch-closed");
