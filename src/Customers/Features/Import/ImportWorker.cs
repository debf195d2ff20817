using System.Text;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// Runs queued import jobs, one at a time per replica. A job is held by a session advisory lock on the worker's
/// connection, so two replicas never run the same job and a crashed worker's job is free again at once. Each batch
/// commits with the job's counters, so a job found <c>running</c> (the service stopped mid-way) resumes after its last
/// committed row; a job that throws is marked <c>failed</c> with the error, never left half-silent.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportSignal signal, OutboxSignal outboxSignal, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogLoopFailed(logger, exception);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Runs one unfinished job, if one is free; returns whether it found one.</summary>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var jobId = await ClaimAsync(connection, cancellationToken);
            if (jobId is null)
            {
                return false;
            }

            var job = await db.Imports.IgnoreQueryFilters().AsNoTracking().FirstAsync(import => import.Id == jobId, cancellationToken);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(job.TenantId);
            try
            {
                await RunAsync(job, db, connection, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogJobFailed(logger, job.Id, exception);
                await FailAsync(connection, job.Id, exception.Message, cancellationToken);
            }
            finally
            {
                await UnlockAsync(connection, job.Id);
            }

            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Guid?> ClaimAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var candidates = new List<Guid>();
        await using (var list = new NpgsqlCommand(
            "SELECT id FROM customer_imports WHERE status IN ('Queued', 'Running') ORDER BY created_at LIMIT 20", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(reader.GetGuid(0));
            }
        }

        // One lock attempt per candidate (a lock function in the WHERE of a LIMIT query may lock rows it never returns);
        // the status is read again under the lock, as another replica may have finished the job meanwhile.
        foreach (var candidate in candidates)
        {
            await using var claim = new NpgsqlCommand(
                """
                SELECT pg_try_advisory_lock(hashtextextended(@id::text, 0));
                SELECT status IN ('Queued', 'Running') FROM customer_imports WHERE id = @id;
                """, connection);
            claim.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = candidate });
            bool locked, unfinished;
            await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
            {
                locked = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
                unfinished = await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
            }

            if (locked && unfinished)
            {
                return candidate;
            }

            if (locked)
            {
                await UnlockAsync(connection, candidate);
            }
        }

        return null;
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, Guid jobId)
    {
        await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@id::text, 0))", connection);
        unlock.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = jobId });
        await unlock.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task RunAsync(CustomerImport job, CustomersDbContext db, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var content = await db.ImportFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(file => file.ImportId == job.Id).Select(file => file.Content).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The import's file is missing.");
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(content), out _);
        var now = clock.GetUtcNow();
        await ExecuteAsync(connection, null, "UPDATE customer_imports SET status = 'Running', started_at = coalesce(started_at, @now) WHERE id = @id",
            cancellationToken, ("id", job.Id), ("now", now));

        var mapping = ImportMapping.Restore(records[0], job.Mapping);
        var checker = await ImportOptions.CheckerAsync(job, mapping, db, now, cancellationToken);
        var writer = new ImportBatchWriter(connection, job, mapping);
        var counts = (job.Created, job.Updated, job.Skipped, job.Failed);
        var statistics = await ImportStatistics.StartAsync(connection, job.TenantId, cancellationToken);
        var batch = new List<ImportRow>(StartImport.BatchSize);
        for (var number = 1; number < records.Count; number++)
        {
            // Rows of batches committed before a restart are checked again (so duplicates within the file are still
            // seen) but not written again.
            var row = checker.Check(number, records[number]);
            if (number <= job.Processed)
            {
                continue;
            }

            batch.Add(row);
            if (batch.Count == StartImport.BatchSize || number == records.Count - 1)
            {
                await statistics.RefreshIfStaleAsync(counts.Created, cancellationToken);
                counts = await WriteBatchAsync(job, writer, connection, batch, number, counts, cancellationToken);
                batch.Clear();
            }
        }

        await CompleteAsync(job, connection, counts, records.Count - 1, cancellationToken);
    }

    private async Task<(int, int, int, int)> WriteBatchAsync(
        CustomerImport job, ImportBatchWriter writer, NpgsqlConnection connection, List<ImportRow> batch, int processed,
        (int Created, int Updated, int Skipped, int Failed) counts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var timer = System.Diagnostics.Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await writer.WriteAsync(batch, transaction, dryRun: false, now, cancellationToken);
        counts = (counts.Created + result.Created, counts.Updated + result.Updated, counts.Skipped + result.Skipped, counts.Failed + result.Failed);
        await ExecuteAsync(
            connection, transaction,
            "UPDATE customer_imports SET processed = @processed, created = @created, updated = @updated, skipped = @skipped, failed = @failed WHERE id = @id",
            cancellationToken,
            ("id", job.Id), ("processed", processed), ("created", counts.Created), ("updated", counts.Updated), ("skipped", counts.Skipped), ("failed", counts.Failed));
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Nudge();
        LogBatch(logger, job.Id, batch.Count, processed, timer.ElapsedMilliseconds);
        return counts;
    }

    private async Task CompleteAsync(
        CustomerImport job, NpgsqlConnection connection, (int Created, int Updated, int Skipped, int Failed) counts, int total, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(
            connection, transaction,
            """
            UPDATE customer_imports SET status = 'Completed', completed_at = @now, processed = @total WHERE id = @id;
            DELETE FROM customer_import_files WHERE import_id = @id;
            """,
            cancellationToken, ("id", job.Id), ("now", now), ("total", total));
        await ImportBatchWriter.WriteOutboxAsync(connection, [OutboxRows.For(new CustomersImported
        {
            TenantId = job.TenantId,
            ImportId = job.Id,
            Total = total,
            Created = counts.Created,
            Updated = counts.Updated,
            Skipped = counts.Skipped,
            Failed = counts.Failed,
            OccurredAt = now,
        }, now)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Nudge();
    }

    private async Task FailAsync(NpgsqlConnection connection, Guid jobId, string error, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(
                connection, null,
                "UPDATE customer_imports SET status = 'Failed', error = @error, completed_at = @now WHERE id = @id",
                cancellationToken, ("id", jobId), ("error", error.Length > 2000 ? error[..2000] : error), ("now", clock.GetUtcNow()));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The job stays "running" and is retried on the next claim: still not silent, the failure is logged.
            LogJobFailed(logger, jobId, exception);
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = ImportBatchWriter.BatchTimeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {ImportId}: {Rows} rows written in {Milliseconds} ms ({Processed} done)")]
    private static partial void LogBatch(ILogger logger, Guid importId, int rows, int processed, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {ImportId} failed")]
    private static partial void LogJobFailed(ILogger logger, Guid importId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The import worker's loop failed; it polls again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
