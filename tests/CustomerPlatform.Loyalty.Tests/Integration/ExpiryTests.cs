using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>
/// Points expiry driven by the real clock, as the at-risk tests are: purchases carry times in the past, so their
/// points fall due within seconds. Programs take effect from the moment they are set, so a test that earns in the past
/// moves its program's start back first, as a business that set its program long ago.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExpiryTests(LoyaltyServiceFixture fixture) : IClassFixture<LoyaltyServiceFixture>
{
    private const string ExpiredExchange = "loyalty.points-expired.v1";
    private const string ExpiringExchange = "loyalty.points-expiring.v1";
    private static readonly TimeSpan Precision = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan ExpiryDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EarnedPoints_PartlyRedeemed_ExpireTheRestOnceAtTheirTime_AfterANotice()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await SetProgramSinceLongAgoAsync(tenantId, client, months: 1, noticeDays: 1);
        var expiredPoints = new ConcurrentQueue<(long Value, string? Type, string? Source)>();
        var outstanding = new ConcurrentDictionary<string, long>();
        using var listener = Listen(expiredPoints, outstanding);
        await using var expiring = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ExpiringExchange);
        await using var expired = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ExpiredExchange);
        // Earned a month ago less 30 s: the notice (a day ahead) is due at once, the expiry in 30 s.
        var old = LoyaltyEvents.Purchase(tenantId, customerId, 100m) with { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(30).AddMonths(-1) };
        var expiresAt = old.OccurredAt.AddMonths(1);
        var recent = LoyaltyEvents.Purchase(tenantId, customerId, 50m);
        await fixture.DeliverAsync(old);
        await fixture.DeliverAsync(recent);
        var oldEntryId = await EntryIdAsync(tenantId, old.PurchaseId);

        var notice = await expiring.WaitForAsync(e => e.GetGuid("customerId") == customerId, "PointsExpiring should come before the expiry");
        Assert.True(DateTimeOffset.UtcNow < expiresAt, "the test needs the redemption to happen before the expiry");
        using var redeemed = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { branch = "central", points = 30 });
        var expiry = await expired.WaitForAsync(e => e.GetGuid("customerId") == customerId, "PointsExpired should follow", ExpiryDeadline);

        Assert.Equal(100, notice.Message.GetProperty("points").GetInt64());
        Assert.Equal(oldEntryId, notice.GetGuid("creditEntryId"));
        Assert.Equal(expiresAt, notice.Message.GetProperty("expiresAt").GetDateTimeOffset(), Precision);
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        Assert.Equal(70, expiry.Message.GetProperty("points").GetInt64());
        Assert.Equal(50, expiry.Message.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(oldEntryId, expiry.GetGuid("creditEntryId"));
        Assert.Equal(old.OccurredAt, expiry.Message.GetProperty("earnedAt").GetDateTimeOffset(), Precision);
        Assert.Equal(tenantId, expiry.GetGuid("tenantId"));
        Assert.Equal("central", expiry.GetString("branch"));
        Assert.Equal(expiry.GetGuid("entryId"), expiry.GetGuid("eventId"));
        var recordedAt = await fixture.Database.ScalarAsync<DateTime>(
            "SELECT recorded_at FROM ledger_entries WHERE type = 'Expire' AND source_id = @credit", ("credit", oldEntryId));
        Assert.True(recordedAt >= expiresAt.UtcDateTime - Precision, $"expired at {recordedAt:O}, before its time {expiresAt:O}");

        // Once: further passes find nothing left to expire, and the account waits for the recent points' notice.
        var recentNoticeAt = recent.OccurredAt.AddMonths(1).AddDays(-1);
        await Eventually.AssertAsync(
            async () => await DueAtAsync(customerId) is { } due && (due - recentNoticeAt).Duration() <= Precision,
            "the account should be due next for the recent points' notice");
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant AND type = 'Expire'", ("tenant", tenantId)));
        Assert.Equal(-70, await fixture.Database.ScalarAsync<long>(
            "SELECT points FROM ledger_entries WHERE tenant_id = @tenant AND type = 'Expire'", ("tenant", tenantId)));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM expiry_notices WHERE tenant_id = @tenant", ("tenant", tenantId)));
        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Equal(50, account!.NextExpiry!.Points);
        Assert.Equal(recent.OccurredAt.AddMonths(1), account.NextExpiry.At, Precision);
        Assert.Contains(expiredPoints, measurement => measurement is { Value: 70, Type: "expire", Source: "expiry" });
        await Eventually.AssertAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(outstanding.GetValueOrDefault(tenantId.ToString()) == 50);
            },
            "the outstanding-points gauge should show the balance after the expiry");
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 50);
    }

    [Fact]
    public async Task ProgramChange_AfterEarning_DoesNotMoveTheExpiryOfPointsAlreadyEarned()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await SetProgramSinceLongAgoAsync(tenantId, client, months: 12, noticeDays: 30);
        var earlier = LoyaltyEvents.Purchase(tenantId, customerId, 40m) with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-10) };
        await fixture.DeliverAsync(earlier);
        var earlierExpiry = earlier.OccurredAt.AddMonths(12);

        await ProgramApi.SetAsync(client, new { expiry = new { months = 0, noticeDays = 0 } });
        var later = LoyaltyEvents.Purchase(tenantId, customerId, 25m);
        await fixture.DeliverAsync(later);

        var ledger = await LedgerAsync(client, customerId);
        var earlierLine = ledger.Single(line => line.GetProperty("sourceId").GetGuid() == earlier.PurchaseId);
        var laterLine = ledger.Single(line => line.GetProperty("sourceId").GetGuid() == later.PurchaseId);
        Assert.Equal(earlierExpiry, earlierLine.GetProperty("expiresAt").GetDateTimeOffset(), Precision);
        Assert.False(laterLine.TryGetProperty("expiresAt", out var never) && never.ValueKind != JsonValueKind.Null, "points earned with expiry off never expire");
        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Equal(40, account!.NextExpiry!.Points);
        Assert.Equal(earlierExpiry, account.NextExpiry.At, Precision);
        Assert.Equal(earlierExpiry.AddDays(-30), await DueAtAsync(customerId) ?? default, Precision);
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 65);
    }

    [Fact]
    public async Task PointsThatNeverExpire_LeaveNoDueTimeAndNoNextExpiry()
    {
        var (tenantId, customerId, _) = await NewCustomerAsync();

        await fixture.DeliverAsync(LoyaltyEvents.Purchase(tenantId, customerId, 30m) with { OccurredAt = DateTimeOffset.UtcNow.AddYears(-5) });

        var account = await fixture.FindAccountAsync(tenantId, customerId);
        Assert.Null(account!.NextExpiry);
        Assert.Null(await DueAtAsync(customerId));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 30);
    }

    [Fact]
    public async Task PointsFullySpentBeforeTheirExpiry_ExpireNothing()
    {
        var (tenantId, customerId, client) = await NewCustomerAsync();
        await SetProgramSinceLongAgoAsync(tenantId, client, months: 1, noticeDays: 0);
        var purchase = LoyaltyEvents.Purchase(tenantId, customerId, 20m) with { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(20).AddMonths(-1) };
        await fixture.DeliverAsync(purchase);
        using var redeemed = await client.PostAsJsonAsync(RewardsApi.RedeemPath(customerId), new { branch = "central", points = 20 });
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);

        await Eventually.AssertAsync(
            async () => await DueAtAsync(customerId) is null,
            "the worker should pass the account at the expiry time and find nothing left",
            ExpiryDeadline);

        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE tenant_id = @tenant AND type = 'Expire'", ("tenant", tenantId)));
        await fixture.AssertBalanceIsLedgerSumAsync(customerId, 0);
    }

    [Fact]
    public async Task CustomersMerged_MovedPointsKeepTheLatestExpiryOfWhatWasLeft_AndTheMergedAccountStopsBeingDue()
    {
        var (tenantId, mergedId, client) = await NewCustomerAsync();
        var survivorId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, survivorId);
        await SetProgramSinceLongAgoAsync(tenantId, client, months: 12, noticeDays: 0);
        var oldest = LoyaltyEvents.Purchase(tenantId, mergedId, 30m) with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-60) };
        var middle = LoyaltyEvents.Purchase(tenantId, mergedId, 20m) with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-40) };
        var latest = LoyaltyEvents.Purchase(tenantId, mergedId, 10m) with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-20) };
        foreach (var purchase in new[] { oldest, middle, latest })
        {
            await fixture.DeliverAsync(purchase);
        }

        using var spent = await client.PostAsJsonAsync(RewardsApi.RedeemPath(mergedId), new { branch = "central", points = 30 });
        await fixture.DeliverAsync(LoyaltyEvents.Merged(tenantId, survivorId, mergedId));

        Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        var survivor = await fixture.FindAccountAsync(tenantId, survivorId);
        Assert.Equal(30, survivor!.NextExpiry!.Points);
        Assert.Equal(latest.OccurredAt.AddMonths(12), survivor.NextExpiry.At, Precision);
        Assert.Null(await DueAtAsync(mergedId));
        Assert.Equal(latest.OccurredAt.AddMonths(12), await DueAtAsync(survivorId) ?? default, Precision);
        await fixture.AssertBalanceIsLedgerSumAsync(survivorId, 30);
        await fixture.AssertBalanceIsLedgerSumAsync(mergedId, 0);
    }

    private async Task<(Guid TenantId, Guid CustomerId, HttpClient Client)> NewCustomerAsync()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await fixture.RegisterCustomerAsync(tenantId, customerId);
        return (tenantId, customerId, fixture.Service.CreateTenantClient(tenantId));
    }

    private async Task SetProgramSinceLongAgoAsync(Guid tenantId, HttpClient client, int months, int noticeDays)
    {
        var version = await ProgramApi.SetAsync(client, new { expiry = new { months, noticeDays } });
        await fixture.Database.ExecuteAsync(
            "UPDATE program_versions SET effective_from = effective_from - interval '5 years' WHERE tenant_id = @tenant AND version = @version",
            ("tenant", tenantId),
            ("version", version));
    }

    private async Task<Guid> EntryIdAsync(Guid tenantId, Guid purchaseId) =>
        await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM ledger_entries WHERE tenant_id = @tenant AND source = 'Purchase' AND source_id = @purchase",
            ("tenant", tenantId),
            ("purchase", purchaseId));

    private async Task<DateTimeOffset?> DueAtAsync(Guid customerId) =>
        await fixture.Database.ScalarAsync<DateTime?>("SELECT expiry_due_at FROM accounts WHERE customer_id = @id", ("id", customerId)) is { } due
            ? new DateTimeOffset(due, TimeSpan.Zero)
            : null;

    private static async Task<List<JsonElement>> LedgerAsync(HttpClient client, Guid customerId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/loyalty/accounts/{customerId}/ledger", UriKind.Relative));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static MeterListener Listen(ConcurrentQueue<(long Value, string? Type, string? Source)> deducted, ConcurrentDictionary<string, long> outstanding)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Meter.Name == "CustomerPlatform.Loyalty")
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString());
            if (instrument.Name == "customer_platform.loyalty.points_deducted")
            {
                deducted.Enqueue((value, tagged.GetValueOrDefault("type"), tagged.GetValueOrDefault("source")));
            }
            else if (instrument.Name == "customer_platform.loyalty.points_outstanding" && tagged.GetValueOrDefault("tenant.id") is { } tenant)
            {
                outstanding[tenant] = value;
            }
        });
        listener.Start();
        return listener;
    }
}
