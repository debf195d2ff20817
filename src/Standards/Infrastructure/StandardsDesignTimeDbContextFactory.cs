using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Infrastructure;

/// <summary>For <c>dotnet ef</c>: the model without a database.</summary>
public sealed class StandardsDesignTimeDbContextFactory : DesignTimeDbContextFactory<StandardsDbContext>;
