using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>The Feedback service with a test bus that publishes segment changes and purchases as Customers would.</summary>
public sealed class ReportsFixture() : ConsumingServiceFixture<Program>("feedbackdb", SegmentQueue, PurchaseQueue)
{
    public const string SegmentQueue = "feedback-segment-membership";
    public const string PurchaseQueue = "feedback-purchase-count";
}
