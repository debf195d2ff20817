using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>The Feedback service with a test bus that publishes ComplaintTargetsPublished as Standards would.</summary>
public sealed class FeedbackStandardsFixture() : ConsumingServiceFixture<Program>("feedbackdb", TargetsQueue)
{
    public const string TargetsQueue = "feedback-complaint-targets-published";
}
