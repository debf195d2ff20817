using CustomerPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CustomerPlatform.Bench;

/// <summary>
/// Sees every <c>PointsEarned</c> the platform publishes, as any third-party consumer would (a private queue
/// bound to the event's exchange), and completes the purchase it credits on the <see cref="CompletionWaiter"/>.
/// </summary>
public sealed class PointsEarnedWatcher : IAsyncDisposable
{
    private const string Exchange = "loyalty.points-earned.v1";
    private const string PurchaseSource = "purchase";
    private readonly IConnection _connection;

    private PointsEarnedWatcher(IConnection connection) => _connection = connection;

    public CompletionWaiter Credits { get; } = new();

    public static async Task<PointsEarnedWatcher> StartAsync(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var watcher = new PointsEarnedWatcher(connection);
        var channel = await connection.CreateChannelAsync();
        // Declared as MassTransit declares it, so whichever side comes first the other finds it compatible.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync();
        await channel.QueueBindAsync(queue.QueueName, Exchange, routingKey: string.Empty);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            // A purchase's own credit only: a first-purchase bonus names the same purchase as its source.
            var credit = ObservedEvent.Parse(delivery.Body.Span);
            if (credit.GetString("source") == PurchaseSource)
            {
                watcher.Credits.Complete(credit.GetGuid("sourceId"));
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return watcher;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
