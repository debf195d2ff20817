using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Tiers;

/// <summary>
/// Polls for accounts whose tier is due for evaluation without a posting to trigger it (<see cref="TierReviewer"/>): a
/// downgrade's grace ending, a contribution leaving the rolling window, a program change. A row
/// in the database with a due time, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed partial class TierWorker(
    IServiceScopeFactory scopes, IOptions<TierOptions> options, TimeProvider clock, ILogger<TierWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < settings.BatchSize && await ReviewNextAsync(stoppingToken))
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
                // The row stays due (its transaction rolled back) and is tried again on the next pass.
                LogPassFailed(logger, exception);
            }

            // A full batch means more may be due now: go again at once.
            if (handled < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> ReviewNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TierReviewer>().ReviewNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over accounts due for a tier evaluation failed; the account stays due")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
