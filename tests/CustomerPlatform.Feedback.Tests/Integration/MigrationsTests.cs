using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class MigrationsTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public void Migrations_ComparedWithTheModel_CoverEveryChange()
    {
        using var db = CreateContext();

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, "The model has changes no migration covers: add one with 'dotnet ef migrations add'.");
    }

    [Fact]
    public async Task Migrations_AtStartUp_AreAllApplied()
    {
        await using var db = CreateContext();

        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    private FeedbackDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>()
            .UseNpgsql(fixture.Database.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options);
}
