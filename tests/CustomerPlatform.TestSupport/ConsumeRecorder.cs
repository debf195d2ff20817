using System.Collections.Concurrent;
using MassTransit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Observes the service's own bus: how often each message id was consumed to completion, and which attempts
/// faulted. A duplicate that the inbox skips completes without any visible effect, so this is the only way to
/// know it has been handled before asserting that nothing changed.
/// </summary>
public sealed class ConsumeRecorder : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _completed = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentDictionary<Guid, int> _faulted = new();

    public int TimesConsumed(Guid messageId) => _completed.GetValueOrDefault(messageId);

    /// <summary>How many attempts to consume the message faulted (each then retried).</summary>
    public int TimesFaulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

    /// <summary>The faulted attempts so far (each is retried, then dead-lettered), for failure messages.</summary>
    public string DescribeFaults() =>
        _faults.IsEmpty ? "no faulted attempts" : $"{_faults.Count} faulted attempt(s), e.g. {_faults.First()}";

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } messageId)
        {
            _completed.AddOrUpdate(messageId, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        _faults.Enqueue($"{typeof(T).Name} {context.MessageId}: {exception.GetType().Name}: {exception.Message}");
        if (context.MessageId is { } messageId)
        {
            _faulted.AddOrUpdate(messageId, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }
}
