using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>Settings of the background duplicate scan (configuration section <c>DataCurrency</c>).</summary>
public sealed class DataCurrencyOptions
{
    /// <summary>How old a business's stored duplicate pairs may get before they are recomputed.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the worker looks for businesses due a scan.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Recomputes each business's possible duplicate pairs into <c>duplicate_candidates</c>: one set query per business
/// (shared values grouped, names compared only within a postcode), scored by <see cref="DuplicateScore"/>, and
/// swapped in within one transaction, so the list always shows a whole scan. Comparing every customer on each list
/// request would cost seconds at 200k customers; a scan costs that once per interval.
/// </summary>
public sealed partial class DuplicateScanner(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DataCurrencyOptions> options, ILogger<DuplicateScanner> logger)
{
    /// <summary>One pass: every business whose pairs are older than the scan interval (or never computed).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await TenantsDueAsync(cancellationToken))
        {
            try
            {
                await ScanAsync(tenantId, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogScanFailed(exception, tenantId);
            }
        }
    }

    /// <summary>Recomputes one business's pairs; returns how many there are.</summary>
    public async Task<int> ScanAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            // The scan row is the claim: a concurrent scan of the same business waits here, then repeats the work harmlessly.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO duplicate_scans (tenant_id, scanned_at, pairs) VALUES ({tenantId}, {now}, 0)
                ON CONFLICT (tenant_id) DO UPDATE SET scanned_at = EXCLUDED.scanned_at
                """,
                cancellationToken);
            var tenant = new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId };
            var pairs = await RawSql.ReadAsync(
                db,
                DuplicateSql.ForBusiness,
                [tenant],
                reader =>
                {
                    var reasons = DuplicateSql.Reasons(reader, 2);
                    return (A: reader.GetGuid(0), B: reader.GetGuid(1), Reasons: reasons, Score: DuplicateScore.Of(reasons, reader.GetFloat(5)));
                },
                cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM duplicate_candidates WHERE tenant_id = {tenantId}", cancellationToken);
            await RawSql.ExecuteAsync(
                db,
                """
                INSERT INTO duplicate_candidates (tenant_id, customer_a, customer_b, score, reasons, found_at)
                SELECT @tenant, a, b, score, string_to_array(reasons, ','), @now
                FROM unnest(@a, @b, @score, @reasons) AS pair(a, b, score, reasons)
                """,
                [
                    new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId },
                    new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
                    new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pairs.Select(pair => pair.A).ToArray() },
                    new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pairs.Select(pair => pair.B).ToArray() },
                    new NpgsqlParameter("score", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = pairs.Select(pair => pair.Score).ToArray() },
                    new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text)
                    {
                        Value = pairs.Select(pair => string.Join(',', pair.Reasons)).ToArray(),
                    },
                ],
                cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE duplicate_scans SET pairs = {pairs.Count} WHERE tenant_id = {tenantId}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogScanned(tenantId, pairs.Count);
            return pairs.Count;
        });
    }

    private async Task<List<Guid>> TenantsDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        // The businesses with customers, found by skipping through the (tenant_id, id) index a business at a time
        // (ORDER BY ... LIMIT 1, as PostgreSQL has no min() for uuid).
        return await RawSql.ReadAsync(
            db,
            """
            WITH RECURSIVE tenants AS (
                (SELECT tenant_id FROM customers ORDER BY tenant_id LIMIT 1)
                UNION ALL
                SELECT (SELECT c.tenant_id FROM customers c WHERE c.tenant_id > t.tenant_id ORDER BY c.tenant_id LIMIT 1)
                FROM tenants t WHERE t.tenant_id IS NOT NULL)
            SELECT t.tenant_id FROM tenants t
            LEFT JOIN duplicate_scans s ON s.tenant_id = t.tenant_id
            WHERE t.tenant_id IS NOT NULL AND (s.scanned_at IS NULL OR s.scanned_at < @due_before)
            """,
            [new NpgsqlParameter("due_before", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() - options.Value.ScanInterval }],
            reader => reader.GetGuid(0),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Duplicates of business {TenantId} scanned: {Pairs} pairs")]
    private partial void LogScanned(Guid tenantId, int pairs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duplicates of business {TenantId} could not be scanned; the next pass tries again")]
    private partial void LogScanFailed(Exception exception, Guid tenantId);
}

/// <summary>Runs the <see cref="DuplicateScanner"/> every <see cref="DataCurrencyOptions.PollInterval"/>.</summary>
public sealed partial class DuplicateScanWorker(DuplicateScanner scanner, TimeProvider clock, IOptions<DataCurrencyOptions> options, ILogger<DuplicateScanWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scanner.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not stop the service; the next pass tries again.
                LogPassFailed(exception);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duplicate scan pass failed")]
    private partial void LogPassFailed(Exception exception);
}

public static class DataCurrencyRegistration
{
    /// <summary>The background duplicate scan, with its settings from the <c>DataCurrency</c> section.</summary>
    public static IHostApplicationBuilder AddDataCurrency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataCurrencyOptions>().BindConfiguration("DataCurrency");
        builder.Services.AddSingleton<DuplicateScanner>();
        builder.Services.AddHostedService<DuplicateScanWorker>();
        return builder;
    }
}
