using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.ServiceDefaults.Idempotency;

/// <summary>
/// Forgets <c>Idempotency-Key</c>s older than <c>Idempotency:Retention</c> (7 days by default), once an hour, so
/// the table holds a week of creates rather than every create ever. A client retrying within the retention gets
/// the stored response; after it, the key is new again.
/// </summary>
public sealed partial class IdempotencyRecordPruner<TContext>(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<IdempotencyRecordPruner<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    public const string RetentionConfigKey = "Idempotency:Retention";

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public TimeSpan Retention { get; } = configuration.GetValue(RetentionConfigKey, TimeSpan.FromDays(7));

    /// <summary>Deletes the records created before the retention window; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        var createdBefore = clock.GetUtcNow() - Retention;
        // Every tenant's records: housekeeping runs for no tenant, so the tenant filter would see none.
        return await db.Set<IdempotencyRecord>().IgnoreQueryFilters()
            .Where(record => record.CreatedAt < createdBefore)
            .ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogPruned(await PruneAsync(stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The next hour tries again; a database outage must not stop the service.
                LogPruneFailed(exception);
            }

            await Task.Delay(PruneEvery, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} idempotency records")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning idempotency records failed; retrying in an hour")]
    private partial void LogPruneFailed(Exception exception);
}
