using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>Tuning of the relay; the defaults suit one replica on a small machine.</summary>
public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 100;

    /// <summary>How long the relay sleeps without a nudge (other replicas' commits do not nudge this one).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long sent outbox rows and processed inbox keys are kept before pruning.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// Publishes outbox rows in sequence order. Claims a batch with <c>FOR UPDATE SKIP LOCKED</c> (so replicas share
/// the work), sends its messages in order with broker confirms awaited together, each under its original trace, and
/// marks the confirmed ones sent in the same transaction. A failed publish records the error on its row and backs
/// off; the row is retried first. Ordering is therefore best effort when a publish fails, which consumers tolerate
/// (inbox, natural keys, get-or-open).
/// A crash after publishing but before commit republishes: delivery is at least once, and inboxes absorb it.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextPrune = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
                failures = 0;
                if (clock.GetUtcNow() >= nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    nextPrune = clock.GetUtcNow() + PruneEvery;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 16))));
                LogRelayFailed(exception, failures, backoff.TotalMilliseconds);
                await Task.Delay(backoff, clock, stoppingToken);
                continue;
            }

            if (published < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch; returns how many rows were published.</summary>
    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        await using var _ = db;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Not tracked: the batch is marked sent with one UPDATE by id below, not one UPDATE per row (the
            // per-row change tracking and statements were a visible share of the relay's CPU in the bench profile).
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL
                    ORDER BY sequence
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // Publish the whole batch at once and await the confirms together: awaiting each confirm before the next
            // send capped a relay at one message per broker round trip. The sends still leave in sequence order.
            var publishes = batch.Select(message => PublishAsync(message, cancellationToken)).ToList();
            var sent = new List<Guid>(batch.Count);
            var failed = new List<(Guid Id, string Error)>();
            Exception? failure = null;
            for (var index = 0; index < batch.Count; index++)
            {
                var message = batch[index];
                try
                {
                    await publishes[index];
                    sent.Add(message.Id);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // A message that failed stays unsent and is retried first after the back-off; the others of the
                    // batch that were confirmed are marked sent (consumers do not depend on their order).
                    failed.Add((message.Id, Truncate($"{exception.GetType().Name}: {exception.Message}", 2000)));
                    MessagingTelemetry.OutboxPublishFailures.Add(1);
                    failure ??= exception;
                }
            }

            // With the broker away every row of the batch fails alike: one UPDATE per distinct error, not per row.
            foreach (var group in failed.GroupBy(row => row.Error))
            {
                var ids = group.Select(row => row.Id).ToList();
                await db.Set<OutboxMessage>().Where(row => ids.Contains(row.Id)).ExecuteUpdateAsync(
                    row => row.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, group.Key),
                    cancellationToken);
            }

            if (sent.Count > 0)
            {
                var now = clock.GetUtcNow();
                await db.Set<OutboxMessage>().Where(row => sent.Contains(row.Id))
                    .ExecuteUpdateAsync(row => row.SetProperty(m => m.SentAt, now), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            var published = sent.Count;
            MessagingTelemetry.OutboxPublished.Add(published);
            if (failure is not null)
            {
                throw new OutboxPublishException(published, failure);
            }

            return published;
        });
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = ContractRegistry.TypeOf(message.MessageType)
            ?? throw new InvalidOperationException($"Unknown message type '{message.MessageType}' in the outbox.");
        var payload = JsonSerializer.Deserialize(message.Payload, eventType, OutboxExtensions.PayloadJson)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");

        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, eventType, context => context.MessageId = message.Id, timeout.Token);
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        var now = clock.GetUtcNow();
        var sentBefore = now - _options.SentRetention;
        var processedBefore = now - _options.InboxRetention;
        var outbox = await db.Set<OutboxMessage>().Where(message => message.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<Inbox.InboxMessage>().Where(message => message.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        LogPruned(outbox, inbox);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Failures} in a row); backing off {BackoffMs} ms")]
    private partial void LogRelayFailed(Exception exception, int failures, double backoffMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Outbox} sent outbox rows and {Inbox} inbox keys")]
    private partial void LogPruned(int outbox, int inbox);
}

/// <summary>A publish failed after <see cref="Published"/> rows of the batch went out; the relay backs off.</summary>
public sealed class OutboxPublishException(int published, Exception inner)
    : Exception($"Publishing stopped after {published} message(s): {inner.Message}", inner)
{
    public int Published { get; } = published;
}
