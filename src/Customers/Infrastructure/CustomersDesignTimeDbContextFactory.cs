using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Infrastructure;

/// <summary>For <c>dotnet ef</c>: the model without a database.</summary>
public sealed class CustomersDesignTimeDbContextFactory : DesignTimeDbContextFactory<CustomersDbContext>;
