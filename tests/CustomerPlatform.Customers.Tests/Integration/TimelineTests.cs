using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class TimelineTests(CustomersConsumingFixture fixture) : IClassFixture<CustomersConsumingFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Timeline_MixesOwnRecordsWithOtherServicesEvents_NewestFirstAcrossPages()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        await PostAsync(client, InteractionsApi.InteractionsPath(customerId), InteractionsApi.Body(occurredAt: Now.AddHours(-5)));
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/purchases", new { branch = "north", amount = 20m, currency = "EUR", occurredAt = Now.AddHours(-4) });
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/visits", new { branch = "north", staffMember = "Sam", service = "Fitting", occurredAt = Now.AddHours(-3.5) });
        var feedbackId = Guid.NewGuid();
        await PublishAndWaitAsync(new FeedbackReceived { TenantId = tenantId, FeedbackId = feedbackId, CustomerId = customerId, Branch = "north", Rating = 9, OccurredAt = Now.AddHours(-3) });
        var points = new PointsEarned
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), AccountId = Guid.NewGuid(), CustomerId = customerId, Branch = "north",
            Points = 20, BalanceAfter = 20, Source = "purchase", RuleVersion = 0, SourceId = Guid.NewGuid(), OccurredAt = Now.AddHours(-2),
        };
        await PublishAndWaitAsync(points);
        await PublishAndWaitAsync(points);
        await PostAsync(client, $"{CustomersApi.CustomersPath}/{customerId}/consent", new { decisions = new[] { new { channel = "email", granted = true, occurredAt = Now.AddHours(-1) } } });

        var entries = await ReadAllAsync(client, customerId, pageSize: 2);

        Assert.Equal(["consent", "pointsEarned", "feedback", "visit", "purchase", "interaction"], entries.Select(entry => entry.GetProperty("type").GetString()));
        var times = entries.Select(entry => entry.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(9, entries[2].GetProperty("details").GetProperty("rating").GetInt32());
        Assert.Equal(feedbackId, entries[2].GetProperty("details").GetProperty("sourceId").GetGuid());
        Assert.Equal(20, entries[1].GetProperty("details").GetProperty("points").GetInt64());
        Assert.Equal("Fitting", entries[3].GetProperty("details").GetProperty("service").GetString());
        Assert.Equal(20m, entries[4].GetProperty("details").GetProperty("amount").GetDecimal());
        Assert.Equal("phone", entries[5].GetProperty("details").GetProperty("channel").GetString());
        Assert.Equal("email", entries[0].GetProperty("details").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Timeline_OfAnotherTenantsCustomer_Returns404AndTheirEventsNeverShow()
    {
        var ownerTenant = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(ownerTenant);
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);
        // An event claiming the customer for another tenant: kept under that tenant, never on the owner's timeline.
        await PublishAndWaitAsync(new FeedbackReceived { TenantId = Guid.NewGuid(), FeedbackId = Guid.NewGuid(), CustomerId = customerId, Branch = "x", Rating = 1, OccurredAt = Now });

        using var foreign = await stranger.GetAsync($"{CustomersApi.CustomersPath}/{customerId}/timeline");
        var own = await ReadAllAsync(owner, customerId, pageSize: 50);

        await ProblemResponse.ReadAsync(foreign, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(own);
    }

    [Fact]
    public async Task AnonymousFeedback_IsNotKeptAnywhere()
    {
        var tenantId = Guid.NewGuid();

        await PublishAndWaitAsync(new FeedbackReceived { TenantId = tenantId, FeedbackId = Guid.NewGuid(), CustomerId = null, Branch = "north", Rating = 3, OccurredAt = Now });

        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("customer_activities", tenantId));
    }

    [Theory]
    [InlineData("cursor=nonsense", "cursor")]
    [InlineData("limit=0", "limit")]
    public async Task Timeline_WithBadPaging_Returns400NamingTheParameter(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(client);

        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}/timeline?{query}");

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), field);
    }

    [Fact]
    public async Task Timeline_ShowsEachStepOfACustomersComplaint_OnceHoweverOftenItArrives()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var complaintId = Guid.NewGuid();
        var received = new ComplaintReceived
        {
            TenantId = tenantId, ComplaintId = complaintId, CustomerId = customerId, Branch = "north", Category = "quality",
            Severity = "high", Status = "received", OccurredAt = Now.AddHours(-4),
        };
        ComplaintReopened Reopened(double hoursAgo) => new()
        {
            TenantId = tenantId, ComplaintId = complaintId, CustomerId = customerId, Branch = "north", Category = "quality",
            Severity = "high", Status = "reopened", OccurredAt = Now.AddHours(-hoursAgo),
        };

        await PublishAndWaitAsync(received);
        await PublishAndWaitAsync(received);
        await PublishAndWaitAsync(Reopened(3));
        await PublishAndWaitAsync(Reopened(1));
        await PublishAndWaitAsync(received with { CustomerId = null, ComplaintId = Guid.NewGuid() });

        var entries = await ReadAllAsync(client, customerId, pageSize: 10);
        Assert.Equal(["complaintReopened", "complaintReopened", "complaintReceived"], entries.Select(entry => entry.GetProperty("type").GetString()));
        Assert.All(entries, entry => Assert.Equal(complaintId, entry.GetProperty("details").GetProperty("complaintId").GetGuid()));
        Assert.Equal("high", entries[2].GetProperty("details").GetProperty("severity").GetString());
        Assert.Equal("north", entries[2].GetProperty("branch").GetString());
    }

    [Fact]
    public async Task Timeline_ShowsPointsReversedAndAtRiskWithTheirDetails_OncePerEvent()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var accountId = Guid.NewGuid();
        var refundId = Guid.NewGuid();
        var reversed = new PointsReversed
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), AccountId = accountId, CustomerId = customerId, Branch = "north",
            Source = "refund", SourceId = refundId, Points = -15, Shortfall = 5, BalanceAfter = 0, OccurredAt = Now.AddHours(-2),
        };
        var atRisk = new CustomerAtRisk
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), AccountId = accountId, CustomerId = customerId, Branch = "north",
            LastPurchaseAt = Now.AddDays(-30), PurchaseCount = 4, UsualIntervalDays = 7.5, DaysSince = 30, Factor = 2, OccurredAt = Now.AddHours(-1),
        };

        await PublishAndWaitAsync(reversed);
        await PublishAndWaitAsync(reversed);
        await PublishAndWaitAsync(atRisk);
        await PublishAndWaitAsync(atRisk);
        var entries = await ReadAllAsync(client, customerId, pageSize: 50);

        Assert.Equal(["atRisk", "pointsReversed"], entries.Select(entry => entry.GetProperty("type").GetString()));
        var risk = entries[0].GetProperty("details");
        Assert.Equal(7.5, risk.GetProperty("usualIntervalDays").GetDouble());
        Assert.Equal(30, risk.GetProperty("daysSince").GetDouble());
        Assert.Equal(2m, risk.GetProperty("factor").GetDecimal());
        Assert.Equal(4, risk.GetProperty("purchaseCount").GetInt32());
        Assert.Equal(atRisk.LastPurchaseAt, risk.GetProperty("lastPurchaseAt").GetDateTimeOffset());
        Assert.Equal(atRisk.EventId, risk.GetProperty("sourceId").GetGuid());
        Assert.Equal("north", entries[0].GetProperty("branch").GetString());
        var points = entries[1].GetProperty("details");
        Assert.Equal(-15, points.GetProperty("points").GetInt64());
        Assert.Equal(5, points.GetProperty("shortfall").GetInt64());
        Assert.Equal(0, points.GetProperty("balanceAfter").GetInt64());
        Assert.Equal("refund", points.GetProperty("reason").GetString());
        Assert.Equal(refundId, points.GetProperty("reasonId").GetGuid());
        Assert.Equal(reversed.EntryId, points.GetProperty("sourceId").GetGuid());
    }

    [Fact]
    public async Task PointsExpiringAndExpired_ShowOnceEachWithTheirDetails()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var creditEntryId = Guid.NewGuid();
        var expiresAt = Now.AddHours(-1);
        var expiring = new PointsExpiring
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), AccountId = Guid.NewGuid(), CustomerId = customerId, Branch = "north", Points = 80,
            Balance = 120, CreditEntryId = creditEntryId, EarnedAt = Now.AddDays(-365), ExpiresAt = expiresAt, OccurredAt = Now.AddDays(-30),
        };
        var expired = new PointsExpired
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), AccountId = expiring.AccountId, CustomerId = customerId, Branch = "north",
            Points = 70, BalanceAfter = 40, CreditEntryId = creditEntryId, EarnedAt = expiring.EarnedAt, ExpiresAt = expiresAt, OccurredAt = expiresAt,
        };

        await PublishAndWaitAsync(expiring);
        await PublishAndWaitAsync(expiring);
        await PublishAndWaitAsync(expired);
        await PublishAndWaitAsync(expired);
        var entries = await ReadAllAsync(client, customerId, pageSize: 50);

        Assert.Equal(["pointsExpired", "pointsExpiring"], entries.Select(entry => entry.GetProperty("type").GetString()));
        var lapsed = entries[0].GetProperty("details");
        Assert.Equal(70, lapsed.GetProperty("points").GetInt64());
        Assert.Equal(40, lapsed.GetProperty("balanceAfter").GetInt64());
        Assert.Equal(expired.EarnedAt, lapsed.GetProperty("earnedAt").GetDateTimeOffset());
        Assert.Equal(expired.EntryId, lapsed.GetProperty("sourceId").GetGuid());
        var warning = entries[1].GetProperty("details");
        Assert.Equal(80, warning.GetProperty("points").GetInt64());
        Assert.Equal(expiresAt, warning.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("north", entries[1].GetProperty("branch").GetString());
    }

    [Fact]
    public async Task TierChanged_ShowsOnceWithItsDetails()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var changed = new TierChanged
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), AccountId = Guid.NewGuid(), CustomerId = customerId, FromTier = "silver", ToTier = "gold",
            Direction = "up", QualifyingValue = 2150.5, Basis = "spend", RuleVersion = 3, OccurredAt = Now.AddHours(-1),
        };

        await PublishAndWaitAsync(changed);
        await PublishAndWaitAsync(changed);
        var entries = await ReadAllAsync(client, customerId, pageSize: 50);

        var entry = Assert.Single(entries, entry => entry.GetProperty("type").GetString() == "tierChanged");
        var details = entry.GetProperty("details");
        Assert.Equal("silver", details.GetProperty("fromTier").GetString());
        Assert.Equal("gold", details.GetProperty("toTier").GetString());
        Assert.Equal("up", details.GetProperty("direction").GetString());
        Assert.Equal(2150.5m, details.GetProperty("qualifyingValue").GetDecimal());
        Assert.Equal("spend", details.GetProperty("basis").GetString());
        Assert.Equal(3, details.GetProperty("ruleVersion").GetInt32());
        Assert.Equal(changed.EventId, details.GetProperty("sourceId").GetGuid());
    }

    [Fact]
    public async Task PointsRedeemedAndAdjusted_ShowOnceEachWithTheirDetails()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = await CustomersApi.RegisterAsync(client);
        var redemptionId = Guid.NewGuid();
        var redeemed = new PointsRedeemed
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), AccountId = Guid.NewGuid(), CustomerId = customerId, Branch = "north",
            RedemptionId = redemptionId, Code = "ABCD-EFGH-JK", Points = 40, BalanceAfter = 60, OccurredAt = Now.AddHours(-2),
        };
        var adjusted = new PointsAdjusted
        {
            TenantId = tenantId, EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), AccountId = redeemed.AccountId, CustomerId = customerId,
            Source = "adjustment", SourceId = Guid.NewGuid(), Points = 15, BalanceAfter = 75, Reason = "Till error", Actor = "key-1", OccurredAt = Now.AddHours(-1),
        };

        await PublishAndWaitAsync(redeemed);
        await PublishAndWaitAsync(redeemed);
        await PublishAndWaitAsync(adjusted);
        await PublishAndWaitAsync(adjusted);
        var entries = await ReadAllAsync(client, customerId, pageSize: 50);

        Assert.Equal(["pointsAdjusted", "pointsRedeemed"], entries.Select(entry => entry.GetProperty("type").GetString()));
        var correction = entries[0].GetProperty("details");
        Assert.Equal(15, correction.GetProperty("points").GetInt64());
        Assert.Equal(75, correction.GetProperty("balanceAfter").GetInt64());
        Assert.Equal("Till error", correction.GetProperty("reason").GetString());
        var spent = entries[1].GetProperty("details");
        Assert.Equal(40, spent.GetProperty("points").GetInt64());
        Assert.Equal(redemptionId, spent.GetProperty("redemptionId").GetGuid());
        Assert.Equal("ABCD-EFGH-JK", spent.GetProperty("code").GetString());
        Assert.Equal("north", entries[1].GetProperty("branch").GetString());
    }

    [Fact]
    public async Task AtRiskOfAnotherTenant_NeverShowsOnTheOwnersTimeline()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var customerId = await CustomersApi.RegisterAsync(owner);

        await PublishAndWaitAsync(new CustomerAtRisk
        {
            TenantId = Guid.NewGuid(), EventId = Guid.NewGuid(), AccountId = Guid.NewGuid(), CustomerId = customerId,
            LastPurchaseAt = Now.AddDays(-30), PurchaseCount = 3, UsualIntervalDays = 5, DaysSince = 30, Factor = 2, OccurredAt = Now,
        });
        var entries = await ReadAllAsync(owner, customerId, pageSize: 50);

        Assert.Empty(entries);
    }

    private async Task PublishAndWaitAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(message, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, Guid customerId, int pageSize)
    {
        var entries = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{customerId}/timeline?limit={pageSize}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await CustomersApi.ReadJsonAsync(response);
            entries.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return entries;
    }
}
