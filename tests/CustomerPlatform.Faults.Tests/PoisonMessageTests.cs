using System.Text;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.EndToEnd.Tests;
using CustomerPlatform.TestSupport;
using MassTransit;
using RabbitMQ.Client;
using Xunit;

namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// A message whose handling always fails is retried, then parked in the error queue, and the messages behind it
/// still flow. (A redelivered message having one effect is proven end to end by
/// <c>PlatformFlowTests.PurchaseRecorded_DeliveredTwiceWithTheSameMessageId_IsCreditedOnce</c>.)
/// </summary>
[Trait("Category", "Faults")]
[Collection(FaultsCollection.Name)]
public sealed class PoisonMessageTests(PlatformFixture platform)
{
    private const string ErrorQueue = "loyalty-purchase-recorded_error";

    [Fact]
    public async Task PurchaseRecorded_ThatAlwaysFails_GoesToTheErrorQueueAfterRetriesAndTheNextOneIsCredited()
    {
        await FaultScenario.WaitUntilHealthyAsync(platform);
        var customerId = (await FaultScenario.RegisterCustomersAsync(platform, 1))[0];
        // More than a long can hold in points: the earn rule overflows on every attempt, a deterministic poison.
        var poison = Purchase(customerId, amount: 1e20m);
        var good = Purchase(customerId, amount: 12.5m);
        var poisonMessageId = NewId.NextGuid();

        var bus = CreateBus();
        await bus.StartAsync();
        try
        {
            await bus.Publish(poison, context => context.MessageId = poisonMessageId);
            await bus.Publish(good);
        }
        finally
        {
            await bus.StopAsync();
        }

        var loyalty = platform.Database("loyaltydb");
        await Eventually.AssertAsync(
            async () => await loyalty.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", good.PurchaseId)) == 1,
            "the purchase published after the poison should be credited");
        var faulted = await Eventually.GetAsync(
            () => FindInQueueAsync(ErrorQueue, poisonMessageId.ToString()),
            $"the poison message should reach {ErrorQueue} once its retries are spent",
            TimeSpan.FromSeconds(60));
        Assert.Equal(5, Convert.ToInt32(faulted.BasicProperties.Headers!["MT-Fault-RetryCount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Overflow", Encoding.UTF8.GetString((byte[])faulted.BasicProperties.Headers["MT-Fault-ExceptionType"]!));
        Assert.Equal(0, await loyalty.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", poison.PurchaseId)));
        Assert.Equal(0, await loyalty.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", poisonMessageId)));
    }

    private PurchaseRecorded Purchase(Guid customerId, decimal amount) => new()
    {
        TenantId = platform.BusinessA.Id,
        PurchaseId = Guid.CreateVersion7(),
        CustomerId = customerId,
        Branch = "central",
        Amount = amount,
        Currency = "EUR",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private IBusControl CreateBus()
    {
        var broker = new Uri(platform.Broker.ConnectionString);
        var credentials = broker.UserInfo.Split(':');
        return Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, (ushort)broker.Port, Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')), host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        }));
    }

    /// <summary>
    /// Takes messages off the queue (acknowledged, so the test leaves it empty) until the one with
    /// <paramref name="messageId"/>; null when it is not there (yet).
    /// </summary>
    private async Task<BasicGetResult?> FindInQueueAsync(string queue, string messageId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.Broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                if (message.BasicProperties.MessageId == messageId)
                {
                    return message;
                }
            }

            return null;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The error queue is declared on the first fault; until then the broker answers 404 and closes the channel.
            return null;
        }
    }
}
