using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// One service on a private database and vhost, shared by the tests of one class and dropped after it. xunit
/// needs a concrete class for <c>IClassFixture</c>, so each test project derives a one-line fixture naming its
/// database connection string.
/// </summary>
public abstract class ServiceFixture<TProgram>(string databaseConnectionName) : IAsyncLifetime
    where TProgram : class
{
    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public ServiceFactory<TProgram> Service { get; private set; } = null!;

    /// <summary>The broker as the service reaches it; a fixture may put something in between.</summary>
    protected virtual string ServiceMessagingConnectionString => Broker.ConnectionString;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
        await BeforeServiceStartsAsync();
        Service = new ServiceFactory<TProgram>(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{databaseConnectionName}"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = ServiceMessagingConnectionString,
        }, ConfigureServices);
        // Starts the host, which migrates the database before it serves.
        Service.StartServer();
        await AfterServiceStartsAsync();
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await AfterServiceStopsAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Adds to or replaces the service's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs once the database and vhost exist, before the service is built.</summary>
    protected virtual Task BeforeServiceStartsAsync() => Task.CompletedTask;

    /// <summary>Runs once the service's host has started.</summary>
    protected virtual Task AfterServiceStartsAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs once the service is disposed, before the vhost and database go. Also runs after a failed start, so
    /// whatever <see cref="BeforeServiceStartsAsync"/> made may be missing.
    /// </summary>
    protected virtual Task AfterServiceStopsAsync() => Task.CompletedTask;
}
