using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.Gateway.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without any running infrastructure.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayDbContext>()
            .UseNpgsql("Host=localhost;Database=gatewaydb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
