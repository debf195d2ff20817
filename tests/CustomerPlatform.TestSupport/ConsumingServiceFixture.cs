using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Sdk;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// A service that consumes events, plus a test bus on the same vhost that publishes them as their owning service
/// would, and a <see cref="ConsumeRecorder"/> on the service's own bus to wait until each is handled.
/// </summary>
public abstract class ConsumingServiceFixture<TProgram>(string databaseConnectionName, params string[] queues)
    : ServiceFixture<TProgram>(databaseConnectionName)
    where TProgram : class
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private IBusControl? _testBus;

    /// <summary>What the service's own consumers have finished handling.</summary>
    public ConsumeRecorder Consumed { get; } = new();

    /// <summary>Publishes as the owning service would, with the given MessageId (so a test can repeat one).</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        _testBus!.Publish(message, context => context.MessageId = messageId);

    /// <summary>
    /// Waits until the service has consumed the message to completion at least <paramref name="times"/> times, on
    /// <paramref name="queue"/> when named (needed when more than one of the service's consumers takes the message).
    /// </summary>
    public async Task WaitUntilConsumedAsync(Guid messageId, int times = 1, TimeSpan? timeout = null, string? queue = null)
    {
        try
        {
            await Eventually.AssertAsync(
                () => Task.FromResult(Consumed.TimesConsumed(messageId, queue) >= times),
                $"message {messageId} should have been consumed {times} time(s)",
                timeout);
        }
        catch (FailException)
        {
            // Say what did happen: how far it got, and why attempts failed.
            Assert.Fail($"message {messageId} should have been consumed {times} time(s){(queue is null ? "" : " on " + queue)}, was {Consumed.TimesConsumed(messageId, queue)} ({Consumed.DescribeFaults()})");
        }
    }

    /// <summary>The recorder also watches the endpoints' retry filters, which only see observers known at start.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IRetryObserver>(Consumed);

    /// <summary>Adds receive endpoints to the test bus, to observe what the service publishes.</summary>
    protected virtual void ConfigureTestBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
    }

    protected override async Task BeforeServiceStartsAsync()
    {
        // Started before the service, so the test bus's bindings exist before anything is published.
        var broker = TestInfrastructure.RabbitMqUri;
        var credentials = broker.UserInfo.Split(':', 2);
        _testBus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, Broker.Name, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            ConfigureTestBus(rabbit);
        });
        using var startup = new CancellationTokenSource(StartupTimeout);
        await _testBus.StartAsync(startup.Token);
    }

    protected override async Task AfterServiceStartsAsync()
    {
        using var client = Service.CreateClient();
        await Eventually.AssertAsync(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (!health.IsSuccessStatusCode)
                {
                    return false;
                }

                foreach (var queue in queues)
                {
                    if (!await Broker.QueueExistsAsync(queue))
                    {
                        return false;
                    }
                }

                return true;
            },
            $"the service should become healthy with its queues ({string.Join(", ", queues)}) declared",
            StartupTimeout);
        // Disposed with the service's bus, so never disconnected.
        Service.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
    }

    protected override async Task AfterServiceStopsAsync()
    {
        if (_testBus is not null)
        {
            await _testBus.StopAsync();
        }
    }
}
