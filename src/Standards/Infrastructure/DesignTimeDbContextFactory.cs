using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.Standards.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without any running infrastructure.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<StandardsDbContext>
{
    public StandardsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StandardsDbContext>()
            .UseNpgsql("Host=localhost;Database=standardsdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
