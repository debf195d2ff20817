using Microsoft.Extensions.Options;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// Polls for compliance items whose next check has fallen due and announces each lapse once
/// (<see cref="ComplianceOverdueAnnouncer"/>). A row with a due time, not broker scheduling: RabbitMQ here has no
/// delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed partial class ComplianceOverdueWorker(
    IServiceScopeFactory scopes, IOptions<ComplianceOptions> options, TimeProvider clock, ILogger<ComplianceOverdueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < settings.BatchSize && await AnnounceNextAsync(stoppingToken))
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
                // The lapse stays unannounced (its transaction rolled back) and is tried again on the next pass.
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

    private async Task<bool> AnnounceNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplianceOverdueAnnouncer>().AnnounceNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over overdue compliance items failed; its lapse stays unannounced")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
