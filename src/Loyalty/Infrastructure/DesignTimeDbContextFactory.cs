using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.Loyalty.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without any running infrastructure.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LoyaltyDbContext>
{
    public LoyaltyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LoyaltyDbContext>()
            .UseNpgsql("Host=localhost;Database=loyaltydb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
