using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class EarnPointsTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private static readonly string PointsEarnedUrn = ContractRegistry.UrnOf(typeof(PointsEarned));

    [Fact]
    public async Task PurchaseRecorded_ForOpenAccount_CreditsWholeUnitsAndPublishesPointsEarned()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 42.50m);

        await fixture.PublishAsync(purchase, Guid.NewGuid());

        var account = await Eventually.GetAsync(
            async () => await fixture.FindAccountAsync(tenantId, customerId) is { RecentEntries.Count: > 0 } credited ? credited : null,
            "the purchase should be credited");
        Assert.Equal(42, account.Balance);
        Assert.Equal(42, account.LifetimePoints);
        var entry = Assert.Single(account.RecentEntries);
        Assert.Equal("earn", entry.Type);
        Assert.Equal(42, entry.Points);
        Assert.Equal(42, entry.BalanceAfter);
        Assert.Equal(purchase.PurchaseId, entry.SourceId);
        Assert.Equal("central", entry.Branch);
        var earned = await Eventually.GetAsync(
            () => Task.FromResult(fixture.PointsEarned.FirstOrDefault(e => e.SourceId == purchase.PurchaseId)),
            "PointsEarned should reach a subscriber of its exchange");
        Assert.Equal(tenantId, earned.TenantId);
        Assert.Equal(account.AccountId, earned.AccountId);
        Assert.Equal(customerId, earned.CustomerId);
        Assert.Equal(entry.Id, earned.EntryId);
        Assert.Equal(42, earned.Points);
        Assert.Equal(42, earned.BalanceAfter);
        Assert.Equal("central", earned.Branch);
    }

    [Fact]
    public async Task PurchasesOfOneCustomerArrivingAllAtOnce_AreAllCreditedAndNoneFails()
    {
        // A backlog after an outage (broker or database back) arrives as a burst: many purchases of one customer
        // consumed concurrently must queue for the account, not fail on it until their retries run out.
        const int Purchases = 200;
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var messages = Enumerable.Range(0, Purchases).Select(_ => (Id: Guid.NewGuid(), Purchase: LoyaltyEvents.Purchase(tenantId, customerId, 10m))).ToList();

        await Task.WhenAll(messages.Select(message => fixture.PublishAsync(message.Purchase, message.Id)));
        foreach (var message in messages)
        {
            await fixture.WaitUntilConsumedAsync(message.Id);
        }

        // Queued, not retried: every attempt that failed on the account spent one of its five retries.
        Assert.All(messages, message => Assert.Equal(0, fixture.Consumed.TimesRetried(message.Id)));
        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Equal(Purchases * 10, account!.Balance);
        Assert.Equal(Purchases, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE account_id = @account", ("account", account.AccountId)));
    }

    [Fact]
    public async Task PurchaseRecorded_SameMessageDeliveredTwice_CreditsOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 30m);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(purchase, messageId);
        await fixture.PublishAsync(purchase, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        Assert.Equal(1, await CountLedgerEntriesAsync(purchase.PurchaseId));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", messageId)));
        Assert.Equal(1, await CountPointsEarnedEventsAsync(purchase.PurchaseId));
        Assert.Equal(30, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
    }

    [Fact]
    public async Task PurchaseRecorded_SamePurchaseUnderTwoMessageIds_CreditsOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 25.10m);
        var firstMessageId = Guid.NewGuid();
        var secondMessageId = Guid.NewGuid();

        await fixture.PublishAsync(purchase, firstMessageId);
        await fixture.PublishAsync(purchase, secondMessageId);
        await fixture.WaitUntilConsumedAsync(firstMessageId);
        await fixture.WaitUntilConsumedAsync(secondMessageId);

        Assert.Equal(1, await CountLedgerEntriesAsync(purchase.PurchaseId));
        Assert.Equal(2, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id IN (@first, @second)",
            ("first", firstMessageId),
            ("second", secondMessageId)));
        Assert.Equal(1, await CountPointsEarnedEventsAsync(purchase.PurchaseId));
        Assert.Equal(25, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
    }

    [Fact]
    public async Task PurchaseRecorded_TwentyAtOnceForOneAccount_BalanceEqualsLedgerSum()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var accountId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM accounts WHERE customer_id = @id", ("id", customerId));
        var purchases = Enumerable.Range(1, 20)
            .Select(i => (Message: LoyaltyEvents.Purchase(tenantId, customerId, 10m + i + 0.75m), MessageId: Guid.NewGuid()))
            .ToList();
        var expected = purchases.Sum(purchase => (long)decimal.Floor(purchase.Message.Amount));

        await Task.WhenAll(purchases.Select(purchase => fixture.PublishAsync(purchase.Message, purchase.MessageId)));
        foreach (var purchase in purchases)
        {
            await fixture.WaitUntilConsumedAsync(purchase.MessageId, timeout: TimeSpan.FromSeconds(90));
        }

        Assert.Equal(20, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE account_id = @id", ("id", accountId)));
        Assert.Equal(expected, await fixture.Database.ScalarAsync<long>(
            "SELECT balance FROM accounts WHERE id = @id", ("id", accountId)));
        Assert.Equal(expected, await fixture.Database.ScalarAsync<long>(
            "SELECT lifetime_points FROM accounts WHERE id = @id", ("id", accountId)));
        Assert.Equal(expected, await fixture.Database.ScalarAsync<long>(
            "SELECT sum(points) FROM ledger_entries WHERE account_id = @id", ("id", accountId)));
        // Serialised credits form one chain: each entry's balance_after is the running sum in that order.
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            """
            SELECT bool_and(balance_after = running)
            FROM (SELECT balance_after, sum(points) OVER (ORDER BY balance_after) AS running
                  FROM ledger_entries WHERE account_id = @id) chain
            """,
            ("id", accountId)));
        Assert.Equal(expected, (await fixture.FindAccountAsync(tenantId, customerId))?.Balance);
    }

    [Fact]
    public async Task GetAccount_ReadWhileCreditsCommit_BalanceAlwaysMatchesItsEntries()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        var purchases = Enumerable.Range(1, 20).Select(i => LoyaltyEvents.Purchase(tenantId, customerId, i)).ToList();
        var expected = purchases.Sum(purchase => (long)purchase.Amount);
        var torn = new List<string>();
        var reads = 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);

        await Task.WhenAll(purchases.Select(purchase => fixture.PublishAsync(purchase, Guid.NewGuid())));
        AccountView? account;
        do
        {
            // Read as fast as possible while the credits commit: a torn read shows only between two commits.
            account = await fixture.FindAccountAsync(tenantId, customerId);
            reads++;
            if (account is not null && account.Balance != account.RecentEntries.Sum(entry => entry.Points))
            {
                torn.Add($"balance {account.Balance} with entries summing to {account.RecentEntries.Sum(entry => entry.Points)}");
            }
        }
        while (account?.RecentEntries.Count != purchases.Count && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(expected, account?.Balance);
        Assert.True(torn.Count == 0, $"{torn.Count} of {reads} reads were torn, e.g. {torn.FirstOrDefault()}");
    }

    private Task<long> CountLedgerEntriesAsync(Guid purchaseId) =>
        fixture.Database.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", purchaseId));

    private Task<long> CountPointsEarnedEventsAsync(Guid purchaseId) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> 'sourceId' = @source",
            ("type", PointsEarnedUrn),
            ("source", purchaseId.ToString()));
}
