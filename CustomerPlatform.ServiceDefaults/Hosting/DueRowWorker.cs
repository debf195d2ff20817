using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.ServiceDefaults.Hosting;

/// <summary>
/// The one loop of the background workers that act on rows with a due time (STYLE.md, section 7: RabbitMQ here has
/// no delayed delivery, so work due later is a row, not a scheduled message). Each pass handles due rows one at a
/// time, each in a scope and transaction of its own, up to a batch; a full batch goes again at once, a shorter one
/// waits for the poll interval. A failed row rolls back and stays due, so the next pass tries it again.
/// </summary>
public abstract partial class DueRowWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the worker does, for its log lines ("points due to expire").</summary>
    protected abstract string WorkName { get; }

    /// <summary>Rows handled before the worker looks at the clock again.</summary>
    protected abstract int BatchSize { get; }

    /// <summary>How long it waits after a pass that found less than a batch.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Handles the next due row, if any, with services from a fresh scope; false when nothing is due.</summary>
    protected abstract Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batchSize = BatchSize;
            var handled = 0;
            try
            {
                while (handled < batchSize && await HandleInScopeAsync(stoppingToken))
                {
                    handled++;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception, WorkName);
            }

            if (handled < batchSize)
            {
                try
                {
                    await Task.Delay(PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> HandleInScopeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await HandleNextAsync(scope.ServiceProvider, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over {Work} failed; the row stays due and is tried again on the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string work);
}
