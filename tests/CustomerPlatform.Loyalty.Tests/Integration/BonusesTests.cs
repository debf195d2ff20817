using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>The referral and birthday bonuses, from the referrer and birthday Customers publishes.</summary>
[Trait("Category", "Integration")]
public sealed class BonusesTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string PointsEarnedExchange = "loyalty.points-earned.v1";

    [Fact]
    public async Task ReferralBonus_OnTheReferredCustomersFirstPurchase_IsPaidOnceToTheReferrerOnly()
    {
        var (tenantId, client) = await NewBusinessAsync(new { referral = 200 });
        var referrerId = Guid.NewGuid();
        var referredId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, referrerId);
        await fixture.DeliverAsync(LoyaltyEvents.Registered(tenantId, referredId) with { ReferredByCustomerId = referrerId });
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsEarnedExchange);
        var first = LoyaltyEvents.Purchase(tenantId, referredId, 10m);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(first, messageId);
        await fixture.PublishAsync(first, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);
        await fixture.DeliverAsync(first);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, referredId, 5m));
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, referrerId, 3m));

        var earned = await probe.WaitForAsync(e => e.GetString("source") == "referral" && e.GetGuid("sourceId") == referredId, "PointsEarned for the referral");
        Assert.Equal(referrerId, earned.GetGuid("customerId"));
        Assert.Equal(200, earned.Message.GetProperty("points").GetInt64());
        Assert.Equal(1, await ReferralEntriesAsync(tenantId));
        await fixture.AssertBalanceIsLedgerSumAsync(referrerId, expected: 203);
        await fixture.AssertBalanceIsLedgerSumAsync(referredId, expected: 15);
        using var export = await client.GetAsync(new Uri($"/api/v1/loyalty/personal-data/{referredId}", UriKind.Relative));
        Assert.Equal(referrerId, (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referredByCustomerId").GetGuid());
    }

    [Fact]
    public async Task ReferralBonus_PurchaseConsumedBeforeTheRegistration_IsPaidWhenTheRegistrationArrives_AndNotForALaterPurchase()
    {
        var (tenantId, _) = await NewBusinessAsync(new { referral = 70 });
        var referrerId = Guid.NewGuid();
        var referredId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, referrerId);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, referredId, 10m));

        var registration = LoyaltyEvents.Registered(tenantId, referredId) with { ReferredByCustomerId = referrerId };
        await fixture.DeliverAsync(registration);
        await fixture.DeliverAsync(registration);
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, referredId, 10m));

        Assert.Equal(1, await ReferralEntriesAsync(tenantId));
        await fixture.AssertBalanceIsLedgerSumAsync(referrerId, expected: 70);
        await fixture.AssertBalanceIsLedgerSumAsync(referredId, expected: 20);
    }

    [Fact]
    public async Task ReferralBonus_Zero_PaysNothing_AndAnUnreferredCustomerPaysNoOne()
    {
        var (tenantId, _) = await NewBusinessAsync(new { referral = 0 });
        var referrerId = Guid.NewGuid();
        var referredId = Guid.NewGuid();
        var unreferredId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, referrerId);
        await fixture.DeliverAsync(LoyaltyEvents.Registered(tenantId, referredId) with { ReferredByCustomerId = referrerId });
        await fixture.RegisterCustomerAsync(tenantId, unreferredId);

        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, referredId, 10m));
        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, unreferredId, 10m));

        Assert.Equal(0, await ReferralEntriesAsync(tenantId));
        await fixture.AssertBalanceIsLedgerSumAsync(referrerId, expected: 0);
    }

    [Fact]
    public async Task BirthdayBonus_OnTheBirthday_IsPaidOncePerYear_EvenWhenAYearComesRoundAgain()
    {
        var (tenantId, _) = await NewBusinessAsync(new { birthday = 150 });
        var customerId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PointsEarnedExchange);

        await fixture.DeliverAsync(LoyaltyEvents.Registered(tenantId, customerId) with { Birthday = MonthDay(today) });

        var earned = await probe.WaitForAsync(e => e.GetString("source") == "birthday" && e.GetGuid("customerId") == customerId, "PointsEarned for the birthday");
        Assert.Equal(150, earned.Message.GetProperty("points").GetInt64());
        var nextYear = StartOf(today.AddYears(1));
        await Eventually.AssertAsync(async () => await NextBirthdayAsync(customerId) == nextYear, "the next birthday should be a year on");

        // This year's birthday due again (a re-run), then last year's (a year the customer has not been paid for).
        await SetNextBirthdayAsync(customerId, StartOf(today));
        await Eventually.AssertAsync(async () => await NextBirthdayAsync(customerId) == nextYear, "the re-run should move on without paying");
        await SetNextBirthdayAsync(customerId, StartOf(today.AddYears(-1)));
        await Eventually.AssertAsync(async () => await NextBirthdayAsync(customerId) == nextYear, "last year's and this year's should both be handled");

        Assert.Equal(2, await fixture.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT source_id) FROM ledger_entries WHERE tenant_id = @tenant AND source = 'Birthday'", ("tenant", tenantId)));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 300);
    }

    [Fact]
    public async Task BirthdayBonus_Zero_MovesTheBirthdayOnWithoutPaying()
    {
        var (tenantId, _) = await NewBusinessAsync(new { birthday = 0 });
        var customerId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await fixture.DeliverAsync(LoyaltyEvents.Registered(tenantId, customerId) with { Birthday = MonthDay(today) });

        await Eventually.AssertAsync(async () => await NextBirthdayAsync(customerId) == StartOf(today.AddYears(1)), "the birthday should be handled");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, expected: 0);
    }

    [Fact]
    public async Task Birthday_FromUpdates_LatestWins_ErasureForgetsIt_AndAnOlderUpdateCannotRestoreIt()
    {
        var (tenantId, client) = await NewBusinessAsync(new { birthday = 0 });
        var customerId = Guid.NewGuid();
        var registered = DateTimeOffset.UtcNow.AddMinutes(-10);
        await fixture.DeliverAsync(LoyaltyEvents.Registered(tenantId, customerId) with { OccurredAt = registered });

        await fixture.DeliverAsync(Updated(tenantId, customerId, "12-24", registered.AddMinutes(2)));
        await fixture.DeliverAsync(Updated(tenantId, customerId, "07-01", registered.AddMinutes(1)));
        var afterUpdates = await BirthdayAsync(client, customerId);
        await fixture.DeliverAsync(new CustomerErasureRequested
        {
            TenantId = tenantId, ErasureId = Guid.NewGuid(), CustomerId = customerId, OccurredAt = registered.AddMinutes(3),
        });
        await fixture.DeliverAsync(Updated(tenantId, customerId, "03-03", registered.AddMinutes(2.5)));

        Assert.Equal("12-24", afterUpdates);
        Assert.Null(await BirthdayAsync(client, customerId));
        Assert.Null(await NextBirthdayAsync(customerId));
    }

    private async Task<(Guid TenantId, HttpClient Client)> NewBusinessAsync(object bonuses)
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Service.CreateTenantClient(tenantId);
        await ProgramApi.SetAsync(client, new { earn = new { bonuses } });
        return (tenantId, client);
    }

    private static CustomerUpdated Updated(Guid tenantId, Guid customerId, string? birthday, DateTimeOffset occurredAt) => new()
    {
        TenantId = tenantId,
        CustomerId = customerId,
        Changed = ["dateOfBirth"],
        DisplayName = "Ada Lovelace",
        Kind = "individual",
        Birthday = birthday,
        Tags = [],
        OccurredAt = occurredAt,
    };

    private static async Task<string?> BirthdayAsync(HttpClient client, Guid customerId)
    {
        var export = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/loyalty/personal-data/{customerId}", UriKind.Relative));
        return export.TryGetProperty("birthday", out var birthday) && birthday.ValueKind == JsonValueKind.String ? birthday.GetString() : null;
    }

    private Task<long> ReferralEntriesAsync(Guid tenantId) => fixture.Database.ScalarAsync<long>(
        "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant AND source = 'Referral'", ("tenant", tenantId));

    private async Task<DateTimeOffset?> NextBirthdayAsync(Guid customerId)
    {
        var next = await fixture.Database.ScalarAsync<DateTime?>("SELECT next_birthday_at FROM accounts WHERE customer_id = @id", ("id", customerId));
        return next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private Task SetNextBirthdayAsync(Guid customerId, DateTimeOffset at) =>
        fixture.Database.ExecuteAsync("UPDATE accounts SET next_birthday_at = @at WHERE customer_id = @id", ("at", at), ("id", customerId));

    private static string MonthDay(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
