using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Customers.Tests.Integration;

/// <summary>
/// The Customers service reaching its broker only through a <see cref="TcpProxy"/>, so a test can take the broker
/// away from this service alone; the tests themselves talk to the broker directly.
/// </summary>
public sealed class BrokerOutageFixture() : ServiceFixture<Program>("customersdb")
{
    public TcpProxy Proxy { get; private set; } = null!;

    protected override string ServiceMessagingConnectionString =>
        new UriBuilder(Broker.ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port }.Uri.AbsoluteUri;

    protected override Task BeforeServiceStartsAsync()
    {
        var broker = new Uri(Broker.ConnectionString);
        Proxy = TcpProxy.Start(broker.Host, broker.Port);
        return Task.CompletedTask;
    }

    protected override async Task AfterServiceStopsAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }
}
