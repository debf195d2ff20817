using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CustomerPlatform.Loyalty.Tests.Integration;
using CustomerPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;
using Xunit.Abstractions;

namespace CustomerPlatform.Loyalty.Tests.ThirdParty;

/// <summary>
/// The third-party guide (docs/loyalty-integration.md) followed to the letter by a non-.NET client: a broker user
/// with the documented permissions, and consumer.py (Debian's python3-pika) binding its own queue.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ThirdPartyConsumerTests(LoyaltyServiceFixture fixture, ITestOutputHelper output) : IClassFixture<LoyaltyServiceFixture>
{
    private const string EveryLoyaltyEvent = "loyalty.events.v1";

    // MassTransit's exchange for the interface every service's events implement: internal, never a partner's.
    private const string EveryIntegrationEvent = "CustomerPlatform.Contracts:IIntegrationEvent";

    [Fact]
    public async Task PythonConsumer_WithTheGuidesPermissions_ReceivesPointsEarnedWithTheDocumentedFields()
    {
        var partner = NewPartnerName();
        var url = await AddPartnerUserAsync(partner);
        await using var consumer = await PythonConsumer.StartAsync(url, $"{partner}.loyalty");
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 42.50m);

        await fixture.PublishAsync(purchase, Guid.NewGuid());

        var envelope = await Eventually.GetAsync(
            () => Task.FromResult(consumer.Lines.FirstOrDefault(line =>
                line.GetProperty("message").TryGetProperty("sourceId", out var source) && source.GetGuid() == purchase.PurchaseId)),
            $"consumer.py should print the PointsEarned of the purchase; its stderr: {consumer.Errors}",
            TimeSpan.FromSeconds(30));
        // The guide's sample envelope is copied from this output.
        output.WriteLine(envelope.ToString());
        var message = envelope.GetProperty("message");
        Assert.Contains("urn:message:loyalty.points-earned.v1", envelope.GetProperty("messageType").EnumerateArray().Select(type => type.GetString()));
        Assert.Contains("urn:message:loyalty.events.v1", envelope.GetProperty("messageType").EnumerateArray().Select(type => type.GetString()));
        Assert.True(envelope.TryGetProperty("messageId", out _));
        Assert.True(envelope.TryGetProperty("sentTime", out _));
        Assert.NotEqual(Guid.Empty, message.GetProperty("eventId").GetGuid());
        Assert.Equal(1, message.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(tenantId, message.GetProperty("tenantId").GetGuid());
        Assert.Equal(customerId, message.GetProperty("customerId").GetGuid());
        Assert.Equal(42, message.GetProperty("points").GetInt64());
        Assert.Equal(42, message.GetProperty("balanceAfter").GetInt64());
        Assert.Equal("central", message.GetProperty("branch").GetString());
        Assert.True(message.GetProperty("occurredAt").TryGetDateTimeOffset(out _));
        // The account was opened after the consumer bound, so the one exchange carried that event too.
        Assert.Contains(consumer.Lines, line =>
            line.GetProperty("messageType").EnumerateArray().Any(type => type.GetString() == "urn:message:loyalty.account-opened.v1")
            && line.GetProperty("message").GetProperty("customerId").GetGuid() == customerId);
        await AssertBalanceIsLedgerSumAsync(customerId);
    }

    [Fact]
    public async Task PartnerUser_PublishingToALoyaltyExchange_IsRefused()
    {
        var partner = NewPartnerName();
        var url = await AddPartnerUserAsync(partner);
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        await channel.BasicPublishAsync("loyalty.points-earned.v1", routingKey: string.Empty, body: "{}"u8.ToArray());

        // basic.publish has no reply: the broker answers a refused publish by closing the channel.
        await Eventually.AssertAsync(() => Task.FromResult(channel.IsClosed), "the broker should close the channel");
        Assert.Equal<ushort?>(403, channel.CloseReason?.ReplyCode);
        Assert.Contains("ACCESS_REFUSED", channel.CloseReason?.ReplyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerUser_ReadingAServiceQueue_IsRefused()
    {
        var partner = NewPartnerName();
        var url = await AddPartnerUserAsync(partner);
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.BasicGetAsync(LoyaltyServiceFixture.PurchaseRecordedQueue, autoAck: false));

        Assert.Equal<ushort?>(403, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task PartnerUser_DeclaringAQueueOutsideItsPrefix_IsRefused()
    {
        var partner = NewPartnerName();
        var url = await AddPartnerUserAsync(partner);
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.QueueDeclareAsync("loyalty-purchase-recorded-copy", durable: true, exclusive: false, autoDelete: false));

        Assert.Equal<ushort?>(403, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task PartnerUser_BindingToTheExchangeOfEveryServicesEvents_IsRefused()
    {
        var partner = NewPartnerName();
        var url = await AddPartnerUserAsync(partner);
        await fixture.Broker.DeclareFanoutExchangeAsync(EveryIntegrationEvent);
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"{partner}.everything";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => channel.QueueBindAsync(queue, EveryIntegrationEvent, routingKey: string.Empty));

        Assert.Equal<ushort?>(403, refused.ShutdownReason?.ReplyCode);
    }

    private static string NewPartnerName() => $"partner-{Guid.NewGuid():N}"[..16];

    /// <summary>The guide's rabbitmqctl commands, through the management API; also pre-declares the exchange as it says.</summary>
    private async Task<string> AddPartnerUserAsync(string partner)
    {
        await fixture.Broker.DeclareFanoutExchangeAsync(EveryLoyaltyEvent);
        var prefix = $"^{partner}\\.";
        return await fixture.Broker.AddUserAsync(
            partner,
            password: Guid.NewGuid().ToString("N"),
            configure: prefix,
            write: prefix,
            read: $"^(loyalty\\..*|{partner}\\..*)$");
    }

    private async Task AssertBalanceIsLedgerSumAsync(Guid customerId)
    {
        var balance = await fixture.Database.ScalarAsync<long>(
            "SELECT balance FROM accounts WHERE customer_id = @id", ("id", customerId));
        var ledgerSum = await fixture.Database.ScalarAsync<long>(
            "SELECT coalesce(sum(e.points), 0)::bigint FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.customer_id = @id",
            ("id", customerId));
        Assert.Equal(ledgerSum, balance);
    }

    /// <summary>consumer.py as a child process, its stdout JSON lines collected; killed on dispose.</summary>
    private sealed class PythonConsumer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<JsonElement> _lines = new();
        private readonly ConcurrentQueue<string> _errors = new();

        private PythonConsumer(Process process)
        {
            _process = process;
        }

        public IReadOnlyCollection<JsonElement> Lines => _lines;

        public string Errors => string.Join(Environment.NewLine, _errors);

        public static async Task<PythonConsumer> StartAsync(string url, string queue)
        {
            var script = Path.Combine(LoyaltyEventSchemas.RepositoryRoot(), "tests", "CustomerPlatform.Loyalty.Tests", "ThirdParty", "consumer.py");
            var start = new ProcessStartInfo(ThirdPartyPython.Interpreter)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-u", script, "--url", url, "--queue", queue })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException($"{ThirdPartyPython.Interpreter} did not start");
            var consumer = new PythonConsumer(process);
            var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, line) =>
            {
                if (!string.IsNullOrWhiteSpace(line.Data))
                {
                    using var document = JsonDocument.Parse(line.Data);
                    consumer._lines.Enqueue(document.RootElement.Clone());
                }
            };
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    return;
                }

                consumer._errors.Enqueue(line.Data);
                if (line.Data.StartsWith("bound ", StringComparison.Ordinal))
                {
                    bound.TrySetResult();
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => bound.TrySetException(new InvalidOperationException($"consumer.py exited: {consumer.Errors}"));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await bound.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return consumer;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
