using System.Diagnostics;
using System.Globalization;
using CustomerPlatform.EndToEnd.Tests;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Faults.Tests;

/// <summary>What every fault scenario must show, judged from the clients' records and the databases.</summary>
public static class TrafficAssert
{
    /// <summary>A refusal slower than this during an outage counts as a hang: clients need fast 502/503s to fail over.</summary>
    public static readonly TimeSpan FastRefusal = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A success may be slower while the database restarts (EF retries) or the two cores are busy restarting an
    /// app, but not a hang.
    /// </summary>
    public static readonly TimeSpan SlowestSuccess = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Every attempt was answered (no timeout, no reset), refusals within <see cref="FastRefusal"/> and successes
    /// within <see cref="SlowestSuccess"/>, and every answer that was not a 2xx was a 502/503 problem details
    /// body: never a 500 or a plain-text error.
    /// </summary>
    public static void AnsweredFastAndCleanly(IReadOnlyList<PurchaseOutcome> outcomes)
    {
        var attempts = outcomes.SelectMany(outcome => outcome.Attempts).ToList();
        var unanswered = attempts.Where(attempt => attempt.Status == 0).ToList();
        Assert.True(unanswered.Count == 0, $"{unanswered.Count} requests got no answer, e.g. {unanswered.FirstOrDefault()}");
        var slow = attempts
            .Where(attempt => attempt.Latency >= (attempt.Status is >= 200 and < 300 ? SlowestSuccess : FastRefusal))
            .ToList();
        Assert.True(slow.Count == 0, $"{slow.Count} answers were too slow, e.g. {slow.FirstOrDefault()}");
        var unclean = attempts
            .Where(attempt => attempt.Status is < 200 or >= 300)
            .Where(attempt => attempt.Status is not (502 or 503) || attempt.MediaType != "application/problem+json")
            .ToList();
        Assert.True(unclean.Count == 0, $"{unclean.Count} answers were neither 2xx nor a 502/503 problem, e.g. {unclean.FirstOrDefault()}");
    }

    /// <summary>
    /// Waits until every purchase a client saw succeed has its earn entry in Loyalty's ledger, then checks from
    /// the database that none is there twice and every balance is the sum of its account's entries. Returns how
    /// long the pipeline took to drain.
    /// </summary>
    public static async Task<TimeSpan> CreditedExactlyOnceAsync(PlatformFixture platform, IReadOnlyList<PurchaseOutcome> outcomes)
    {
        var succeeded = outcomes.Where(outcome => outcome.Succeeded).ToList();
        Assert.NotEmpty(succeeded);
        var ids = succeeded.Select(outcome => outcome.PurchaseId!.Value).ToArray();
        var loyalty = platform.Database("loyaltydb");
        var draining = Stopwatch.StartNew();
        try
        {
            await Eventually.AssertAsync(
                async () => await loyalty.ScalarAsync<long>(
                    "SELECT count(DISTINCT source_id) FROM ledger_entries WHERE type = 'Earn' AND source_id = ANY(@ids)", ("ids", ids)) == ids.Length,
                $"every one of the {ids.Length} purchases answered 2xx should be credited",
                DrainTimeout);
        }
        catch (Xunit.Sdk.FailException failure)
        {
            Assert.Fail($"{failure.Message}{Environment.NewLine}{await DescribePipelineAsync(platform, ids)}");
        }

        var drained = draining.Elapsed;

        Assert.Equal(ids.Length, await loyalty.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE source_id = ANY(@ids)", ("ids", ids)));
        Assert.Equal(0, await loyalty.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT source_id FROM ledger_entries GROUP BY type, source, source_id HAVING count(*) > 1) AS twice"));
        Assert.Equal(succeeded.Sum(outcome => outcome.Points), await loyalty.ScalarAsync<decimal>(
            "SELECT sum(points) FROM ledger_entries WHERE source_id = ANY(@ids)", ("ids", ids)));
        Assert.Equal(0, await loyalty.ScalarAsync<long>(
            """
            SELECT count(*) FROM accounts a
            WHERE a.balance <> (SELECT coalesce(sum(e.points), 0) FROM ledger_entries e WHERE e.account_id = a.id)
            """));
        return drained;
    }

    /// <summary>
    /// Where the purchases not credited are stuck: still unsent in Customers' outbox, sent but never recorded by
    /// Loyalty's inbox, or waiting in a queue (or an error queue); and what the apps said.
    /// </summary>
    private static async Task<string> DescribePipelineAsync(PlatformFixture platform, Guid[] ids)
    {
        var credited = await platform.Database("loyaltydb").ScalarAsync<Guid[]>(
            "SELECT coalesce(array_agg(DISTINCT source_id), '{}') FROM ledger_entries WHERE type = 'Earn' AND source_id = ANY(@ids)", ("ids", ids)) ?? [];
        var missing = ids.Except(credited).Select(id => id.ToString()).ToArray();
        var customers = platform.Database("customersdb");
        var unsent = await customers.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND payload ->> 'purchaseId' = ANY(@missing)", ("missing", missing));
        var sent = await customers.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND payload ->> 'purchaseId' = ANY(@missing)", ("missing", missing));
        var lastError = await customers.ScalarAsync<string>(
            "SELECT last_error FROM outbox_messages WHERE last_error IS NOT NULL ORDER BY sequence DESC LIMIT 1");
        var messageIds = await customers.ScalarAsync<Guid[]>(
            "SELECT coalesce(array_agg(id), '{}') FROM outbox_messages WHERE payload ->> 'purchaseId' = ANY(@missing)", ("missing", missing)) ?? [];
        var inInbox = await platform.Database("loyaltydb").ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", ("ids", messageIds));
        var queues = await platform.Broker.DescribeQueuesAsync();
        return string.Create(CultureInfo.InvariantCulture, $"""
            {missing.Length} of {ids.Length} not credited, e.g. {missing.FirstOrDefault()}; of their outbox rows in Customers {unsent} unsent and {sent} sent (last relay error: {lastError ?? "none"}); {inInbox} of them in Loyalty's inbox.
            Queues:
            {queues}
            Apps said (recent):
            {platform.AppOutput}
            """);
    }

    /// <summary>The numbers a scenario reports: requests, 2xx, non-2xx by status, slowest answer, drain time.</summary>
    public static string Summary(string scenario, IReadOnlyList<PurchaseOutcome> outcomes, TimeSpan? drained)
    {
        var attempts = outcomes.SelectMany(outcome => outcome.Attempts).ToList();
        var failures = attempts.Where(attempt => attempt.Status is < 200 or >= 300)
            .GroupBy(attempt => attempt.Status)
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Key}×{group.Count()}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: {outcomes.Count} purchases, {attempts.Count} requests, {outcomes.Count(o => o.Succeeded)} purchases 2xx, " +
            $"non-2xx answers [{string.Join(", ", failures)}], purchases never 2xx {outcomes.Count(o => !o.Succeeded)}, " +
            $"max latency {attempts.Max(a => a.Latency).TotalMilliseconds:0} ms " +
            $"(non-2xx {attempts.Where(a => a.Status is < 200 or >= 300).Select(a => a.Latency.TotalMilliseconds).DefaultIfEmpty().Max():0} ms), drained in {drained?.TotalSeconds ?? double.NaN:0.0} s");
    }
}
