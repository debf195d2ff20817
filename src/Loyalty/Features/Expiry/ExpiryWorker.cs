using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Expiry;

/// <summary>
/// Polls for accounts whose points are due for notice or expiry (<see cref="PointsExpirer"/>). A due time on the
/// account, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed partial class ExpiryWorker(
    IServiceScopeFactory scopes, IOptions<ExpiryOptions> options, TimeProvider clock, ILogger<ExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < settings.BatchSize && await ExpireNextAsync(stoppingToken))
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
                // The account stays due (its transaction rolled back) and is tried again on the next pass.
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

    private async Task<bool> ExpireNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PointsExpirer>().ExpireNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over points due to expire failed; the account stays due")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
