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
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

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
        Guid? failed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ScheduledInvitationSender>();
            try
            {
                return await sender.SendNextAsync(cancellationToken);
            }
            catch (Exception exception) when (sender.ClaimedId is not null && !cancellationToken.IsCancellationRequested)
            {
                LogRowFailed(logger, sender.ClaimedId.Value, exception);
                failed = sender.ClaimedId;
            }
        }

        await using var retry = scopes.CreateAsyncScope();
        await retry.ServiceProvider.GetRequiredService<ScheduledInvitationSender>().DeferAsync(failed.Value, RetryDelay, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled invitation {Id} failed; it is tried again later")]
    private static partial void LogRowFailed(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over due survey invitations failed; its row stays pending")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
