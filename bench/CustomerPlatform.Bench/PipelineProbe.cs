using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Npgsql;

namespace CustomerPlatform.Bench;

/// <summary>
/// With <c>--probe</c>: once a second while the pipeline runs, prints where purchases wait (unsent outbox rows in
/// Customers and Loyalty, messages ready or unacknowledged per queue), the transactions each database committed
/// and rolled back (a rollback in Loyalty is a consumer attempt that failed and will be retried), and the
/// sessions waiting on a lock. Queue figures come from the management API, which refreshes them every few seconds.
/// </summary>
public sealed class PipelineProbe : IAsyncDisposable
{
    private static readonly HttpClient Management = CreateManagementClient();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private readonly PlatformProcesses _platform;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    private PipelineProbe(PlatformProcesses platform)
    {
        _platform = platform;
        _sampling = SampleAsync(platform, _stop.Token);
    }

    public static PipelineProbe? StartIf(bool enabled, PlatformProcesses platform) => enabled ? new PipelineProbe(platform) : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        await PrintStagesAsync(_platform, _started);
    }

    /// <summary>
    /// Where each purchase of the run spent its time, from the timestamps the services wrote: Customers' outbox row
    /// (created → sent by the relay), Loyalty's inbox key (consumed), Loyalty's outbox row (created → sent).
    /// </summary>
    private static async Task PrintStagesAsync(PlatformProcesses platform, DateTimeOffset from)
    {
        var customers = await RowsAsync(platform.Database("customersdb"), """
            SELECT id, (payload->>'purchaseId')::uuid, created_at, sent_at FROM outbox_messages
            WHERE message_type LIKE '%purchase-recorded%' AND created_at >= @from AND sent_at IS NOT NULL
            """, from);
        var loyalty = platform.Database("loyaltydb");
        var consumed = (await RowsAsync(loyalty, """
            SELECT message_id, message_id, processed_at, processed_at FROM inbox_messages
            WHERE consumer = 'loyalty.earn-points' AND processed_at >= @from
            """, from)).ToDictionary(row => row.Id, row => row.First);
        var earned = (await RowsAsync(loyalty, """
            SELECT id, (payload->>'sourceId')::uuid, created_at, sent_at FROM outbox_messages
            WHERE message_type LIKE '%points-earned%' AND created_at >= @from AND sent_at IS NOT NULL
            """, from)).ToDictionary(row => row.Key);
        var stages = new Dictionary<string, List<double>>
        {
            ["customers relay (created → sent)"] = [],
            ["broker + consumer queue (sent → consumed)"] = [],
            ["loyalty handler (consumed → outbox row)"] = [],
            ["loyalty relay (created → sent)"] = [],
        };
        foreach (var purchase in customers)
        {
            if (!consumed.TryGetValue(purchase.Id, out var consumedAt) || !earned.TryGetValue(purchase.Key, out var points))
            {
                continue;
            }

            stages["customers relay (created → sent)"].Add((purchase.Last - purchase.First).TotalMilliseconds);
            stages["broker + consumer queue (sent → consumed)"].Add((consumedAt - purchase.Last).TotalMilliseconds);
            stages["loyalty handler (consumed → outbox row)"].Add((points.First - consumedAt).TotalMilliseconds);
            stages["loyalty relay (created → sent)"].Add((points.Last - points.First).TotalMilliseconds);
        }

        Console.WriteLine($"probe stages over {stages.First().Value.Count} purchases (ms p50 / p95 / p99):");
        foreach (var (stage, values) in stages)
        {
            values.Sort();
            double At(double quantile) => values.Count == 0 ? double.NaN : values[(int)Math.Min(values.Count - 1, quantile * values.Count)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"probe   {stage,-45} {At(0.5),7:0.0} {At(0.95),7:0.0} {At(0.99),7:0.0}"));
        }
    }

    private static async Task<List<(Guid Id, Guid Key, DateTimeOffset First, DateTimeOffset Last)>> RowsAsync(
        PostgresDatabase database, string sql, DateTimeOffset from)
    {
        var rows = new List<(Guid, Guid, DateTimeOffset, DateTimeOffset)>();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("from", from);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private static async Task SampleAsync(PlatformProcesses platform, CancellationToken cancellationToken)
    {
        var customers = platform.Database("customersdb");
        var loyalty = platform.Database("loyaltydb");
        var last = (Customers: await CountersAsync(customers), Loyalty: await CountersAsync(loyalty));
        var started = DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var now = (Customers: await CountersAsync(customers), Loyalty: await CountersAsync(loyalty));
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"probe {(DateTimeOffset.UtcNow - started).TotalSeconds,3:0}s"));
                line.Append(CultureInfo.InvariantCulture, $" | customers unsent {await UnsentAsync(customers)}, {Describe(now.Customers, last.Customers)}");
                line.Append(CultureInfo.InvariantCulture, $" | loyalty unsent {await UnsentAsync(loyalty)}, {Describe(now.Loyalty, last.Loyalty)}");
                line.Append(" | queues ").Append(await QueuesAsync(platform.Broker.Name, cancellationToken));
                Console.WriteLine(line);
                last = now;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or NpgsqlException)
            {
                Console.WriteLine($"probe: {exception.Message}");
            }
        }
    }

    private static Task<long> UnsentAsync(PostgresDatabase database) =>
        database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    private static async Task<(long Commits, long Rollbacks, long LockWaits)> CountersAsync(PostgresDatabase database) =>
        (await database.ScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"),
         await database.ScalarAsync<long>("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()"),
         await database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"));

    private static string Describe((long Commits, long Rollbacks, long LockWaits) now, (long Commits, long Rollbacks, long LockWaits) last) =>
        string.Create(CultureInfo.InvariantCulture, $"commits/s {now.Commits - last.Commits}, rollbacks/s {now.Rollbacks - last.Rollbacks}, lock waits {now.LockWaits}");

    private static async Task<string> QueuesAsync(string vhost, CancellationToken cancellationToken)
    {
        using var response = await Management.GetAsync(
            $"api/queues/{Uri.EscapeDataString(vhost)}?columns=name,messages_ready,messages_unacknowledged,consumers", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var queues = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return string.Join(", ", queues.RootElement.EnumerateArray()
            .Where(queue => Number(queue, "messages_ready") + Number(queue, "messages_unacknowledged") > 0)
            .Select(queue => string.Create(CultureInfo.InvariantCulture,
                $"{queue.GetProperty("name").GetString()} {Number(queue, "messages_ready")}r/{Number(queue, "messages_unacknowledged")}u")));
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static HttpClient CreateManagementClient()
    {
        var uri = TestInfrastructure.RabbitMqManagementUri;
        var client = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "", Path = "/" }.Uri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        return client;
    }
}
