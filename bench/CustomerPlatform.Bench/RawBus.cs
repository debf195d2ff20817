using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using MassTransit;

namespace CustomerPlatform.Bench;

/// <summary>
/// The baseline for the purchase pipeline: MassTransit alone on the same broker (its own vhost), publishing
/// <see cref="PurchaseRecorded"/> with publisher confirms as the services' relays do, and consuming it at once.
/// </summary>
public sealed class RawBus : IAsyncDisposable
{
    private readonly RabbitMqVirtualHost _vhost;
    private readonly IBusControl _bus;

    private RawBus(RabbitMqVirtualHost vhost, IBusControl bus)
    {
        _vhost = vhost;
        _bus = bus;
    }

    public CompletionWaiter Consumed { get; } = new();

    public static async Task<RawBus> StartAsync()
    {
        var vhost = new RabbitMqVirtualHost();
        await vhost.InitializeAsync();
        var broker = TestInfrastructure.RabbitMqUri;
        var credentials = broker.UserInfo.Split(':');
        CompletionWaiter? consumed = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, vhost.Name, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
                host.PublisherConfirmation = true;
            });
            rabbit.ReceiveEndpoint("bench-purchase-recorded", endpoint => endpoint.Handler<PurchaseRecorded>(context =>
            {
                consumed!.Complete(context.Message.PurchaseId);
                return Task.CompletedTask;
            }));
        });
        var rawBus = new RawBus(vhost, bus);
        consumed = rawBus.Consumed;
        await bus.StartAsync();
        return rawBus;
    }

    /// <summary>Publishes one purchase, as the Customers relay would, and waits until it has been consumed.</summary>
    public async Task<bool> PublishAndConsumeAsync(TimeSpan timeout)
    {
        var purchase = new PurchaseRecorded
        {
            TenantId = Guid.CreateVersion7(),
            PurchaseId = Guid.CreateVersion7(),
            CustomerId = Guid.CreateVersion7(),
            Branch = "main",
            Amount = 12.5m,
            Currency = "EUR",
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var consumed = Consumed.WaitAsync(purchase.PurchaseId, timeout);
        await _bus.Publish(purchase);
        return await consumed is not null;
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _vhost.DisposeAsync();
    }
}
