using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>
/// The Customers service reaching its broker only through a <see cref="TcpProxy"/>, so a test can take the broker
/// away from this service alone; the tests themselves talk to the broker directly.
/// </summary>
public sealed class BrokerOutageFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public TcpProxy Proxy { get; private set; } = null!;

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
        var broker = new Uri(Broker.ConnectionString);
        Proxy = TcpProxy.Start(broker.Host, broker.Port);
        Service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:customersdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = new UriBuilder(broker) { Host = "127.0.0.1", Port = Proxy.Port }.Uri.AbsoluteUri,
        });
        Service.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
