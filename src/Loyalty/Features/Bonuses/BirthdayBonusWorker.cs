using CustomerPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>
/// Polls for accounts whose birthday has come and pays each birthday once (<see cref="BirthdayBonusPayer"/>). A due
/// column on the account, not broker scheduling: RabbitMQ here has no delayed delivery (STYLE.md, section 7).
/// </summary>
public sealed class BirthdayBonusWorker(
    IServiceScopeFactory scopes, IOptions<BirthdayBonusOptions> options, TimeProvider clock, ILogger<BirthdayBonusWorker> logger) : DueRowWorker(scopes, clock, logger)
{
    protected override string WorkName => "due birthdays";

    protected override int BatchSize => options.Value.BatchSize;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<bool> HandleNextAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<BirthdayBonusPayer>().PayNextAsync(cancellationToken);
}
