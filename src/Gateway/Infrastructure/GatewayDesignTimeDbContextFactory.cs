using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Gateway.Infrastructure;

/// <summary>For <c>dotnet ef</c>: the model without a database.</summary>
public sealed class GatewayDesignTimeDbContextFactory : DesignTimeDbContextFactory<GatewayDbContext>;
