using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>
/// The Feedback service on a private database and vhost, shared by the tests of one class and dropped after it.
/// </summary>
public sealed class FeedbackServiceFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
        Service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:feedbackdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
        });
        // Starts the host, which migrates the database before it serves.
        Service.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
