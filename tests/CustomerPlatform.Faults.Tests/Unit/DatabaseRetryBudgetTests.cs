using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CustomerPlatform.Faults.Tests.Unit;

/// <summary>How long requests may wait for a database that is away; the restart test shows it in action.</summary>
[Trait("Category", "Faults")]
public sealed class DatabaseRetryBudgetTests
{
    [Fact]
    public async Task Allows_WithinARequest_RetriesOnlyUntilTheBudgetIsSpent()
    {
        var seen = new List<bool>();
        var pipeline = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        pipeline.UseDatabaseRetryBudget();
        pipeline.Run(_ =>
        {
            seen.Add(DatabaseRetryBudget.Allows(TimeSpan.Zero));
            seen.Add(DatabaseRetryBudget.Allows(DatabaseRetryBudget.PerRequest + TimeSpan.FromSeconds(1)));
            return Task.CompletedTask;
        });

        await pipeline.Build()(new DefaultHttpContext());

        Assert.Equal([true, false], seen);
    }

    [Fact]
    public void Allows_OutsideARequest_LeavesConsumersTheirOwnRetries()
    {
        Assert.True(DatabaseRetryBudget.Allows(TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("Host=db;Username=app", PersistenceExtensions.DefaultConnectTimeoutSeconds, 30)]
    [InlineData("Host=db;Username=app;Timeout=9", 9, 30)]
    [InlineData("Host=db;Username=app;Command Timeout=60", PersistenceExtensions.DefaultConnectTimeoutSeconds, 60)]
    public void ReadConnectionString_ShortConnectTimeoutUnlessOneIsGiven(string configured, int connectTimeout, int commandTimeout)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:appdb"] = configured })
            .Build();

        var read = new NpgsqlConnectionStringBuilder(PersistenceExtensions.ReadConnectionString(configuration, "appdb"));

        Assert.Equal(connectTimeout, read.Timeout);
        Assert.Equal(commandTimeout, read.CommandTimeout);
    }
}
