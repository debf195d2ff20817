using System.Threading.Channels;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>
/// Wakes the relay when a transaction that may hold outbox rows commits, so publishing latency is not a
/// polling interval. Many nudges while the relay is busy collapse into one.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Waits for a nudge or the timeout, whichever comes first.</summary>
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
            // Timed out: the relay polls anyway, in case a nudge came from another replica's commit.
        }
    }
}
