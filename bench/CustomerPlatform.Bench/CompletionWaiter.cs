using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerPlatform.Bench;

/// <summary>
/// Pairs a sender waiting for an id with the consumer that sees it, whichever comes first: a credit can be
/// observed before the POST's response has even been read.
/// </summary>
public sealed class CompletionWaiter
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _pending = new();

    /// <summary>Records that <paramref name="id"/> completed now (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Complete(Guid id) =>
        _pending.GetOrAdd(id, NewSource).TrySetResult(Stopwatch.GetTimestamp());

    /// <summary>The timestamp at which <paramref name="id"/> completed, or null when it did not within the timeout.</summary>
    public async Task<long?> WaitAsync(Guid id, TimeSpan timeout)
    {
        var source = _pending.GetOrAdd(id, NewSource);
        try
        {
            return await source.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private static TaskCompletionSource<long> NewSource(Guid id) => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
