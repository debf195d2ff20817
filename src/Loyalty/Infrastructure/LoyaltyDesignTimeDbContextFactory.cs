using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Loyalty.Infrastructure;

/// <summary>For <c>dotnet ef</c>: the model without a database.</summary>
public sealed class LoyaltyDesignTimeDbContextFactory : DesignTimeDbContextFactory<LoyaltyDbContext>;
