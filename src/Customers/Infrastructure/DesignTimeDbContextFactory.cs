using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.Customers.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without any running infrastructure.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CustomersDbContext>
{
    public CustomersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CustomersDbContext>()
            .UseNpgsql("Host=localhost;Database=customersdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
