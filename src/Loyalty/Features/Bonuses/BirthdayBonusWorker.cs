using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>
/// Polls for accounts whose birthday has come and pays each birthday once (<see cref="BirthdayBonusPayer"/>). A due
/// column on the account, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed partial class BirthdayBonusWorker(
    IServiceScopeFactory scopes, IOptions<BirthdayBonusOptions> options, TimeProvider clock, ILogger<BirthdayBonusWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                while (handled < settings.BatchSize && await PayNextAsync(stoppingToken))
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
                // The birthday stays due (its transaction rolled back) and is tried again on the next pass.
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

    private async Task<bool> PayNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BirthdayBonusPayer>().PayNextAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over due birthdays failed; its birthday stays due")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
