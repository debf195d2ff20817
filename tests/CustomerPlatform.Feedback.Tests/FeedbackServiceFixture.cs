using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>The Feedback service on a private database and vhost, shared by the tests of one class and dropped after it.</summary>
public sealed class FeedbackServiceFixture() : ServiceFixture<Program>("feedbackdb");
