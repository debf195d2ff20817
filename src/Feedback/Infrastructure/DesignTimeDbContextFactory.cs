using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.Feedback.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without any running infrastructure.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>()
            .UseNpgsql("Host=localhost;Database=feedbackdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}
