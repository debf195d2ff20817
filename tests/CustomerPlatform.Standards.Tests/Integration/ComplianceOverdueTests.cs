using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Messaging;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ComplianceServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplianceOverdueTests(ComplianceServiceFixture fixture) : IClassFixture<ComplianceServiceFixture>
{
    private const string OverdueExchange = "standards.compliance-check-overdue.v1";

    [Fact]
    public async Task ItemPastItsDueTime_IsAnnouncedOnce_AndALaterLapseAfterACheckIsAnnouncedAgain()
    {
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, OverdueExchange);
        var tenantId = Guid.NewGuid();
        var due = DateTimeOffset.UtcNow.AddDays(-3);
        var item = await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: null, nextDueAt: due, branches: ["central"]));
        var itemId = item.GetProperty("id").GetGuid();

        var announced = await probe.WaitForAsync(e => e.GetGuid("itemId") == itemId, "the lapse should be announced");

        Assert.Equal(tenantId, announced.GetGuid("tenantId"));
        Assert.Equal("consumerGuarantees", announced.GetString("category"));
        Assert.Equal("Store manager", announced.GetString("owner"));
        Assert.Equal(["central"], announced.Message.GetProperty("branches").EnumerateArray().Select(branch => branch.GetString()));
        Assert.Equal(due.UtcDateTime, announced.Message.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        // Several polls later there is still one announcement of this lapse.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, await CountOverdueEventsAsync(itemId));

        var secondDue = DateTimeOffset.UtcNow.AddSeconds(1);
        await fixture.RecordCheckAsync(tenantId, itemId, Check(DateTimeOffset.UtcNow, nextDueAt: secondDue));

        var second = await probe.WaitForAsync(
            e => e.GetGuid("itemId") == itemId && e.Message.GetProperty("dueAt").GetDateTimeOffset() > due, "the second lapse should be announced");
        Assert.NotEqual(JsonNull, second.Message.GetProperty("lastCheckedAt").ValueKind);
        Assert.Equal(2, await CountOverdueEventsAsync(itemId));
    }

    [Fact]
    public async Task AnnouncingALapse_LeavesTheItemsETag_SoAnEditReadBeforeItStillSucceeds()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var created = await client.PostAsJsonAsync(ItemsPath, Item(frequencyMonths: null, nextDueAt: DateTimeOffset.UtcNow.AddDays(-1)));
        var itemId = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await Eventually.AssertAsync(async () => await CountOverdueEventsAsync(itemId) == 1, "the lapse should be announced");

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{ItemsPath}/{itemId}", UriKind.Relative))
        {
            Content = JsonContent.Create(Item(title: "Edited after the announcement", frequencyMonths: 6)),
        };
        request.Headers.IfMatch.Add(created.Headers.ETag!);
        using var edited = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    [Fact]
    public async Task ItemCheckedWithinItsFrequency_IsNeverAnnounced()
    {
        var tenantId = Guid.NewGuid();
        var checkedItem = (await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: 12))).GetProperty("id").GetGuid();
        await fixture.RecordCheckAsync(tenantId, checkedItem, Check(DateTimeOffset.UtcNow.AddMonths(-11)));
        var witness = (await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: null, nextDueAt: DateTimeOffset.UtcNow.AddDays(-1)))).GetProperty("id").GetGuid();

        await Eventually.AssertAsync(async () => await CountOverdueEventsAsync(witness) == 1, "the overdue witness should be announced");

        Assert.Equal(0, await CountOverdueEventsAsync(checkedItem));
    }

    [Fact]
    public async Task OverdueGauge_CountsTheBusinesssOverdueItems_AndOneFewerOnceOneIsChecked()
    {
        var tenantId = Guid.NewGuid();
        var overdue = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == "CustomerPlatform.Standards" && instrument.Name == "customer_platform.standards.compliance_items_overdue")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "tenant.id" && tag.Value is string tenant)
                {
                    overdue[tenant] = value;
                }
            }
        });
        listener.Start();
        var first = (await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: 1, nextDueAt: DateTimeOffset.UtcNow.AddDays(-2)))).GetProperty("id").GetGuid();
        await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: null, nextDueAt: DateTimeOffset.UtcNow.AddDays(-1)));
        await fixture.CreateItemAsync(tenantId, Item(frequencyMonths: 12));

        await GaugeShowsAsync(listener, overdue, tenantId, 2);
        await fixture.RecordCheckAsync(tenantId, first, Check(DateTimeOffset.UtcNow));

        await GaugeShowsAsync(listener, overdue, tenantId, 1);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private static Task GaugeShowsAsync(MeterListener listener, ConcurrentDictionary<string, long> overdue, Guid tenantId, long expected) =>
        Eventually.AssertAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(overdue.TryGetValue(tenantId.ToString(), out var value) && value == expected);
            },
            $"the overdue gauge should show {expected} for the business");

    private async Task<long> CountOverdueEventsAsync(Guid itemId) =>
        await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> 'itemId' = @item",
            ("type", ContractRegistry.UrnOf(typeof(ComplianceCheckOverdue))), ("item", itemId.ToString()));
}
