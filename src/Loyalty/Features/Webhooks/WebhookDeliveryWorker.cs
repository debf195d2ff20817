using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>Sends due webhook deliveries, one scope per attempt; replicas share the work through SKIP LOCKED.</summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, WebhookWakeSignal wake, IOptions<WebhookOptions> options, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < BatchSize && await SendNextAsync(stoppingToken))
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
                // A claimed delivery whose attempt could not be recorded is due again when its lease ends.
                LogPassFailed(logger, exception);
            }

            if (handled < BatchSize)
            {
                try
                {
                    await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDeliverySender>().SendNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over due webhook deliveries failed; claimed rows are retried after their lease")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
