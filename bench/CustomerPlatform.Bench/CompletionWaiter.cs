using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerPlatform.Bench;

/// <summary>
/// Pairs a sender waiting for an id with the consumer that sees it, whichever comes first: a credit can be
/// observed before the POST's response has even been read. Also counts how often each id was seen, so a run can
/// prove that every id it waited for arrived exactly once (<see cref="TakeTally"/>).
/// </summary>
public sealed class CompletionWaiter
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _pending = new();
    private readonly ConcurrentDictionary<Guid, int> _seen = new();
    private readonly ConcurrentDictionary<Guid, byte> _awaited = new();

    /// <summary>Ids waited for since the last tally that have not been seen yet.</summary>
    public int Missing => _awaited.Keys.Count(id => !_seen.ContainsKey(id));

    /// <summary>Records that <paramref name="id"/> completed now (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Complete(Guid id)
    {
        _seen.AddOrUpdate(id, 1, (_, count) => count + 1);
        _pending.GetOrAdd(id, NewSource).TrySetResult(Stopwatch.GetTimestamp());
    }

    /// <summary>The timestamp at which <paramref name="id"/> completed, or null when it did not within the timeout.</summary>
    public async Task<long?> WaitAsync(Guid id, TimeSpan timeout)
    {
        _awaited.TryAdd(id, 0);
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

    /// <summary>Of the ids waited for since the last tally: which, how many never seen, how many seen more than once. Then forgets them.</summary>
    public Tally TakeTally()
    {
        var awaited = _awaited.Keys.ToList();
        var missing = 0;
        var duplicated = 0;
        foreach (var id in awaited)
        {
            _awaited.TryRemove(id, out _);
            if (!_seen.TryRemove(id, out var count))
            {
                missing++;
            }
            else if (count > 1)
            {
                duplicated++;
            }
        }

        return new Tally(awaited, missing, duplicated);
    }

    private static TaskCompletionSource<long> NewSource(Guid id) => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Ids a run waited for, how many of them never arrived and how many arrived more than once.</summary>
public sealed record Tally(IReadOnlyList<Guid> Awaited, int Missing, int Duplicated);
