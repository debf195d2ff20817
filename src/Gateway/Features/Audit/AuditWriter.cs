using System.Threading.Channels;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Gateway.Features.Audit;

/// <summary>
/// Inserts queued audit entries in batches: up to <see cref="BatchSize"/> rows, gathered for at most the flush
/// interval (<c>Gateway:Audit:FlushInterval</c>), so a busy gateway commits (and fsyncs) a few times a second rather
/// than once per request. A failed insert is retried with backoff, keeping the batch, while new entries queue up
/// to <see cref="AuditTrail.Capacity"/>. On shutdown, once the server has finished its requests, everything queued
/// is written before the app exits (within the host's shutdown timeout). What a crash loses: the entries still
/// queued or gathering, at most about one flush interval's worth while the database keeps up.
/// </summary>
public sealed partial class AuditWriter(
    AuditTrail trail, IDbContextFactory<GatewayDbContext> contexts, IConfiguration configuration, ILogger<AuditWriter> logger)
    : BackgroundService
{
    public const int BatchSize = 500;
    public const string FlushIntervalConfigKey = "Gateway:Audit:FlushInterval";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _flushInterval = configuration.GetValue(FlushIntervalConfigKey, TimeSpan.FromMilliseconds(200));
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        trail.Complete();
        await using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    // Runs until the trail is completed and drained, not until stoppingToken: stopping must flush, not abandon.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = trail.Reader;
        var batch = new List<AuditEntry>(BatchSize);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            using (var gathering = new CancellationTokenSource(_flushInterval))
            {
                while (batch.Count < BatchSize)
                {
                    if (reader.TryRead(out var entry))
                    {
                        batch.Add(entry);
                    }
                    else if (!await WaitForMoreAsync(reader, gathering.Token))
                    {
                        break;
                    }
                }
            }

            await InsertAsync(batch);
            batch.Clear();
        }

        if (trail.TakeDroppedCount() is > 0 and var dropped)
        {
            LogDropped(dropped, AuditTrail.Capacity);
        }
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<AuditEntry> reader, CancellationToken gathering)
    {
        try
        {
            return await reader.WaitToReadAsync(gathering);
        }
        catch (OperationCanceledException) when (gathering.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task InsertAsync(List<AuditEntry> batch)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(_abandon.Token);
                await InsertIgnoringWrittenAsync(db, batch, _abandon.Token);
                if (trail.TakeDroppedCount() is > 0 and var dropped)
                {
                    LogDropped(dropped, AuditTrail.Capacity);
                }

                return;
            }
            catch (Exception exception)
            {
                if (_abandon.IsCancellationRequested)
                {
                    LogAbandoned(batch.Count);
                    return;
                }

                LogRetrying(exception, batch.Count, attempt, backoff);
                // Cancelled on the shutdown deadline; the next attempt then finds the writer abandoned.
                await Task.Delay(backoff, _abandon.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    // One statement per batch. A retry after a commit whose acknowledgement was lost finds its rows already
    // there: ON CONFLICT skips them, so a batch can never get stuck on its own primary keys.
    private static Task InsertIgnoringWrittenAsync(GatewayDbContext db, List<AuditEntry> batch, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO audit_entries (id, tenant_id, key_id, branch, method, route, target_id, status, correlation_id, occurred_at)
            SELECT * FROM unnest(@ids, @tenants, @keys, @branches, @methods, @routes, @targets, @statuses, @correlations, @times)
            ON CONFLICT (id) DO NOTHING
            """,
            [
                new NpgsqlParameter("ids", batch.Select(entry => entry.Id).ToArray()),
                new NpgsqlParameter("tenants", batch.Select(entry => entry.TenantId).ToArray()),
                new NpgsqlParameter("keys", batch.Select(entry => entry.KeyId).ToArray()),
                new NpgsqlParameter("branches", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(entry => entry.Branch).ToArray() },
                new NpgsqlParameter("methods", batch.Select(entry => entry.Method).ToArray()),
                new NpgsqlParameter("routes", batch.Select(entry => entry.Route).ToArray()),
                new NpgsqlParameter("targets", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = batch.Select(entry => entry.TargetId).ToArray() },
                new NpgsqlParameter("statuses", batch.Select(entry => entry.Status).ToArray()),
                new NpgsqlParameter("correlations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(entry => entry.CorrelationId).ToArray() },
                new NpgsqlParameter("times", batch.Select(entry => entry.OccurredAt).ToArray()),
            ],
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit entries failed (attempt {Attempt}); retrying in {Backoff}")]
    private partial void LogRetrying(Exception exception, int count, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries were dropped: the queue of {Capacity} was full or the app was stopping")]
    private partial void LogDropped(long count, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown deadline reached: {Count} audit entries were not written")]
    private partial void LogAbandoned(int count);
}
