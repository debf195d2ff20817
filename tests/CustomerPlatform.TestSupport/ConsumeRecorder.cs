using System.Collections.Concurrent;
using CustomerPlatform.Messaging;
using MassTransit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Observes the service's own bus: how often each message id was consumed to completion, how many attempts failed
/// and were retried, and which deliveries faulted. A duplicate that the inbox skips completes without any visible effect, so this is the only way to
/// know it has been handled before asserting that nothing changed.
/// </summary>
public sealed class ConsumeRecorder : FailedAttemptObserver, IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _retried = new();
    private readonly ConcurrentDictionary<(Guid MessageId, string Queue), int> _completed = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentDictionary<Guid, int> _faulted = new();

    /// <summary>
    /// How often the message was consumed to completion: on the queue named, or on all of the service's queues together.
    /// A message the service consumes on two queues counts twice per delivery; name the queue whose handling a test
    /// waits for, or it may go on while the other queue's consumer is still working.
    /// </summary>
    public int TimesConsumed(Guid messageId, string? queue = null) =>
        _completed.Where(entry => entry.Key.MessageId == messageId && (queue is null || entry.Key.Queue == queue)).Sum(entry => entry.Value);

    /// <summary>How many attempts to consume the message failed and were retried (seen by the endpoints' retry filter).</summary>
    public int TimesRetried(Guid messageId) => _retried.GetValueOrDefault(messageId);

    /// <summary>
    /// How many deliveries of the message faulted after the endpoint's retries ran out (the observer sits outside
    /// the retry filter: a CI run's dead-lettered message showed one fault, not six).
    /// </summary>
    public int TimesFaulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

    /// <summary>The faulted deliveries so far (each past its retries, so dead-lettered), for failure messages.</summary>
    public string DescribeFaults() =>
        _faults.IsEmpty ? "no faulted deliveries" : $"{_faults.Count} faulted delivery(ies), e.g. {_faults.First()}";

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } messageId)
        {
            var queue = context.ReceiveContext.InputAddress.Segments[^1].Trim('/');
            _completed.AddOrUpdate((messageId, queue), 1, (_, count) => count + 1);
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

    protected override void AttemptFailed(PipeContext context, Exception exception)
    {
        if (context is ConsumeContext { MessageId: { } messageId })
        {
            _retried.AddOrUpdate(messageId, 1, (_, count) => count + 1);
        }
    }
}
