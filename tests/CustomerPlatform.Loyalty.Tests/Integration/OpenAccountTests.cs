using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class OpenAccountTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private static readonly string AccountOpenedUrn = ContractRegistry.UrnOf(typeof(LoyaltyAccountOpened));

    [Fact]
    public async Task CustomerRegistered_NewCustomer_OpensEmptyAccountAndPublishesAccountOpened()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();

        await fixture.PublishAsync(LoyaltyEvents.Registered(tenantId, customerId), Guid.NewGuid());

        var account = await Eventually.GetAsync(
            () => fixture.FindAccountAsync(tenantId, customerId),
            "the account should be opened on CustomerRegistered");
        Assert.Equal(customerId, account.CustomerId);
        Assert.Equal(0, account.Balance);
        Assert.Equal(0, account.LifetimePoints);
        Assert.Empty(account.RecentEntries);
        var opened = await Eventually.GetAsync(
            () => Task.FromResult(fixture.AccountsOpened.FirstOrDefault(e => e.CustomerId == customerId)),
            "LoyaltyAccountOpened should reach a subscriber of its exchange");
        Assert.Equal(tenantId, opened.TenantId);
        Assert.Equal(account.AccountId, opened.AccountId);
    }

    [Fact]
    public async Task CustomerRegistered_DeliveredTwiceWithSameMessageId_OpensOneAccountAndOneEvent()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var registered = LoyaltyEvents.Registered(tenantId, customerId);

        await fixture.PublishAsync(registered, messageId);
        await fixture.PublishAsync(registered, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        Assert.Equal(1, await CountAccountsAsync(customerId));
        Assert.Equal(1, await CountAccountOpenedEventsAsync(customerId));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", messageId)));
    }

    [Fact]
    public async Task PurchaseRecorded_BeforeCustomerRegistered_OpensAccountOnceAndCreditsOnce()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 17.80m);
        var purchaseMessageId = Guid.NewGuid();
        await fixture.PublishAsync(purchase, purchaseMessageId);
        await fixture.WaitUntilConsumedAsync(purchaseMessageId);
        var before = await fixture.FindAccountAsync(tenantId, customerId);
        var registeredMessageId = Guid.NewGuid();

        await fixture.PublishAsync(LoyaltyEvents.Registered(tenantId, customerId), registeredMessageId);
        await fixture.WaitUntilConsumedAsync(registeredMessageId);

        var after = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(17, before.Balance);
        Assert.Equal(before.AccountId, after.AccountId);
        Assert.Equal(before.OpenedAt, after.OpenedAt);
        Assert.Equal(17, after.Balance);
        Assert.Equal(17, after.LifetimePoints);
        var entry = Assert.Single(after.RecentEntries);
        Assert.Equal(purchase.PurchaseId, entry.SourceId);
        Assert.Equal(1, await CountAccountsAsync(customerId));
        Assert.Equal(1, await CountAccountOpenedEventsAsync(customerId));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer = 'loyalty.open-account'",
            ("id", registeredMessageId)));
    }

    private Task<long> CountAccountsAsync(Guid customerId) =>
        fixture.Database.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE customer_id = @id", ("id", customerId));

    // The outbox is written in the consumer's transaction, so it is exact once the message is consumed; the broker is not.
    private Task<long> CountAccountOpenedEventsAsync(Guid customerId) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> 'customerId' = @customer",
            ("type", AccountOpenedUrn),
            ("customer", customerId.ToString()));
}
