using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Infrastructure;

/// <summary>For <c>dotnet ef</c>: the model without a database.</summary>
public sealed class FeedbackDesignTimeDbContextFactory : DesignTimeDbContextFactory<FeedbackDbContext>;
