using System.Threading.Channels;

namespace CustomerPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Wakes a background worker when there is work for it, so its latency is not its polling interval. Many nudges
/// while the worker is busy collapse into one. Each worker has its own subclass, so each gets its own singleton.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>
    /// Waits for a nudge or the timeout, whichever comes first. Workers poll on the timeout anyway: work queued by
    /// another replica nudges that replica, not this one.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _nudges.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the periodic pass.
        }
    }
}
