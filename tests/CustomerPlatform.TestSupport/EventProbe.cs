using System.Text.Json;
using RabbitMQ.Client;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// A temporary, server-named queue bound to an event's fanout exchange, so a test sees what the service publishes
/// exactly as any consumer would. The queue is exclusive and goes when the probe is disposed.
/// </summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly List<ObservedEvent> _received = [];

    private EventProbe(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    /// <summary>Binds a fresh queue to <paramref name="exchange"/> on the broker and vhost of <paramref name="amqpUri"/>.</summary>
    public static async Task<EventProbe> BindAsync(string amqpUri, string exchange)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        var connection = await factory.CreateConnectionAsync();
        try
        {
            var channel = await connection.CreateChannelAsync();
            // Declared as MassTransit declares it, so whichever side comes first the other finds it compatible.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            var queue = await channel.QueueDeclareAsync();
            await channel.QueueBindAsync(queue.QueueName, exchange, routingKey: string.Empty);
            return new EventProbe(connection, channel, queue.QueueName);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls the queue until an event matching <paramref name="match"/> has arrived, and returns it.</summary>
    public Task<ObservedEvent> WaitForAsync(Func<ObservedEvent, bool> match, string because, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            async () =>
            {
                while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
                {
                    _received.Add(ObservedEvent.Parse(delivery.Body.Span));
                }

                return _received.FirstOrDefault(match);
            },
            because,
            timeout);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>A message as it travelled: MassTransit's envelope <c>messageId</c> and the camelCase payload.</summary>
public sealed record ObservedEvent(Guid MessageId, JsonElement Message)
{
    public static ObservedEvent Parse(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var envelope = document.RootElement;
        return new ObservedEvent(envelope.GetProperty("messageId").GetGuid(), envelope.GetProperty("message").Clone());
    }

    public Guid GetGuid(string property) => Message.GetProperty(property).GetGuid();

    public string? GetString(string property) => Message.GetProperty(property).GetString();
}
