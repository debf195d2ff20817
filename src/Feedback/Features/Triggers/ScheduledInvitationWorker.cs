using Microsoft.Extensions.Options;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>
/// Makes the invitations triggers scheduled once they fall due. Each row is handled in a scope of its own (its tenant,
/// its transaction), so one business's failing row never holds up another's; replicas share the work through
/// <c>SKIP LOCKED</c>.
/// </summary>
public sealed partial class ScheduledInvitationWorker(
    IServiceScopeFactory scopes, IOptions<ScheduledInvitationOptions> options, ILogger<ScheduledInvitationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < settings.BatchSize && await SendNextAsync(stoppingToken))
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
                // The row stays pending (its transaction rolled back) and is tried again on the next pass.
                LogPassFailed(logger, exception);
            }

            // A full batch means more may be due now: go again at once.
            if (handled < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
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
        return await scope.ServiceProvider.GetRequiredService<ScheduledInvitationSender>().SendNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over due survey invitations failed; its row stays pending")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
