using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CustomerPlatform.Customers.Tests.DataCurrencyApi;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class MergeCustomersTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task MergeCustomers_MovesTheWholeHistoryAndUnitesTheRecordsInOneGo()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, "customers.customers-merged.v1");
        var survivor = await RegisterAsync(client, new { displayName = "Ann Smith", emails = new[] { "ann@home.example" }, tags = new[] { "vip" } });
        var merged = await RegisterAsync(client, new
        {
            displayName = "Ann Smyth",
            emails = new[] { "ann@work.example", "ann@home.example" },
            phones = new[] { "+447700900123" },
            address = new { line1 = "1 Park Row", city = "Leeds", postalCode = "LS1 1AA", country = "GB" },
            tags = new[] { "VIP", "newsletter" },
        });
        await ConsentAsync(client, survivor, "email", granted: true, DateTimeOffset.UtcNow.AddDays(-10));
        await ConsentAsync(client, merged, "email", granted: false, DateTimeOffset.UtcNow.AddDays(-2));
        await ConsentAsync(client, merged, "sms", granted: true, DateTimeOffset.UtcNow.AddDays(-3));
        await PurchaseHistoryApi.RecordPurchaseAsync(client, survivor, new { branch = "LON-01", amount = 10m, currency = "GBP" });
        var mergedPurchase = await PurchaseHistoryApi.RecordPurchaseAsync(client, merged, new
        {
            branch = "LON-01", currency = "GBP", lines = new[] { new { sku = "A", quantity = 2m, unitPrice = 15m } },
        });
        using (var refund = await client.PostAsJsonAsync(PurchaseHistoryApi.RefundsPath(merged, mergedPurchase), new { kind = "refund", amount = 5m, reason = "Scratched", branch = "LON-01" }))
        {
            Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        }

        using (var visit = await client.PostAsJsonAsync(PurchaseHistoryApi.VisitsPath(merged), new { branch = "LON-01", staffMember = "Sam", service = "Fitting" }))
        {
            Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        }

        await InteractionsApi.RecordAsync(client, merged, InteractionsApi.Body());
        // The purchases' events handled first: each makes its customer active, which moves the ETag the merge is asked with.
        await Eventually.AssertAsync(
            async () => await fixture.Database.ScalarAsync<long>(
                "SELECT count(*) FROM customer_metrics WHERE tenant_id = @tenant AND purchase_count = 1", ("tenant", tenantId)) == 2,
            "both purchases should reach the metrics");
        await fixture.Database.ExecuteAsync(
            """
            INSERT INTO customer_activities (id, tenant_id, customer_id, type, source_id, occurred_at, details, received_at)
            VALUES (gen_random_uuid(), @tenant, @customer, 'feedback', gen_random_uuid(), now(), '{}', now())
            """,
            ("tenant", tenantId),
            ("customer", merged));

        var body = await MergeOkAsync(client, survivor, merged);

        Assert.Equal(["ann@home.example", "ann@work.example"], Strings(body.GetProperty("emails")));
        Assert.Equal("+447700900123", body.GetProperty("phone").GetString());
        Assert.Equal("Leeds", body.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal(["vip", "newsletter"], Strings(body.GetProperty("tags")));
        Assert.Equal("Ann Smith", body.GetProperty("displayName").GetString());
        Assert.False(body.GetProperty("consent").GetProperty("email").GetProperty("granted").GetBoolean());
        Assert.True(body.GetProperty("consent").GetProperty("sms").GetProperty("granted").GetBoolean());
        foreach (var table in new[] { "purchases", "purchase_refunds", "service_visits", "interactions", "consent_records", "customer_activities" })
        {
            Assert.Equal(0L, await CountAsync(table, tenantId, merged));
        }

        Assert.Equal(2L, await CountAsync("purchases", tenantId, survivor));
        Assert.Equal(1L, await CountAsync("purchase_refunds", tenantId, survivor));
        Assert.Equal(3L, await CountAsync("consent_records", tenantId, survivor));
        Assert.Equal(1L, await CountAsync("customer_activities", tenantId, survivor));
        Assert.Equal(2, await fixture.Database.ScalarAsync<int>(
            "SELECT purchase_count FROM customer_metrics WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", survivor)));
        // 10 + 30, less the 5 refunded: what the metrics said of the two customers before the merge.
        Assert.Equal(35m, await fixture.Database.ScalarAsync<decimal>(
            "SELECT total_spent FROM customer_metrics WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", survivor)));
        var purchases = await GetJsonAsync(client, PurchaseHistoryApi.PurchasesPath(survivor));
        Assert.Equal(2, purchases.GetProperty("items").GetArrayLength());
        var gone = await GetJsonAsync(client, $"{CustomersApi.CustomersPath}/{merged}");
        Assert.Equal(survivor, gone.GetProperty("mergedInto").GetGuid());
        Assert.True(IsSet(gone, "archivedAt"));
        var published = await probe.WaitForAsync(evt => evt.GetGuid("mergedCustomerId") == merged, "CustomersMerged is published");
        Assert.Equal(survivor, published.GetGuid("survivorCustomerId"));
        Assert.Equal(tenantId, published.GetGuid("tenantId"));
    }

    [Fact]
    public async Task MergeCustomers_PurchaseEventsArrivingAfterTheMerge_AreNotCountedAgain()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var survivor = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var merged = await RegisterAsync(client, new { displayName = "Ann Smyth" });
        var survivorPurchase = await PurchaseHistoryApi.RecordPurchaseAsync(client, survivor, new { branch = "LON-01", amount = 10m, currency = "GBP" });
        var mergedPurchase = await PurchaseHistoryApi.RecordPurchaseAsync(client, merged, new { branch = "LON-01", amount = 30m, currency = "GBP" });
        // Their first deliveries handled (each makes its customer active, which moves the ETag the merge is asked with).
        await Eventually.AssertAsync(
            async () => await fixture.Database.ScalarAsync<long>(
                "SELECT count(*) FROM customer_metrics WHERE tenant_id = @tenant AND purchase_count = 1", ("tenant", tenantId)) == 2,
            "both purchases should reach the metrics");
        await MergeOkAsync(client, survivor, merged);
        // Both purchases' events again, as if they had still been on their way when the merge committed.
        var late = new[] { (survivor, survivorPurchase, 10m), (merged, mergedPurchase, 30m) }
            .Select(purchase => (MessageId: Guid.NewGuid(), Event: new PurchaseRecorded
            {
                TenantId = tenantId,
                PurchaseId = purchase.Item2,
                CustomerId = purchase.Item1,
                Branch = "LON-01",
                Amount = purchase.Item3,
                Currency = "GBP",
                OccurredAt = DateTimeOffset.UtcNow,
            }))
            .ToList();
        var recorder = new ConsumeRecorder();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        using var observer = bus.ConnectConsumeObserver(recorder);

        foreach (var (messageId, purchase) in late)
        {
            await bus.Publish(purchase, context => context.MessageId = messageId);
        }

        await Eventually.AssertAsync(
            () => Task.FromResult(late.All(message => recorder.TimesConsumed(message.MessageId) >= 1)),
            "both late events should be handled");
        Assert.Equal(2, await fixture.Database.ScalarAsync<int>(
            "SELECT purchase_count FROM customer_metrics WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", survivor)));
        Assert.Equal(40m, await fixture.Database.ScalarAsync<decimal>(
            "SELECT total_spent FROM customer_metrics WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", survivor)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM customer_metrics WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", merged)));
    }

    [Fact]
    public async Task MergedCustomer_RefusesChangesRestoreAndAnotherMergeWith409()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var survivor = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var merged = await RegisterAsync(client, new { displayName = "Ann Smyth" });
        var third = await RegisterAsync(client, new { displayName = "Ann S." });
        await MergeOkAsync(client, survivor, merged);
        using var updateRequest = new HttpRequestMessage(HttpMethod.Put, $"{CustomersApi.CustomersPath}/{merged}")
        {
            Content = JsonContent.Create(new { displayName = "Changed" }),
        };
        updateRequest.Headers.IfMatch.Add(await ETagAsync(client, $"{CustomersApi.CustomersPath}/{merged}"));

        using var update = await client.SendAsync(updateRequest);
        using var restore = await client.PostAsync($"{CustomersApi.CustomersPath}/{merged}/restore", null);
        using var mergeAgain = await MergeAsync(client, third, merged, await ETagAsync(client, $"{CustomersApi.CustomersPath}/{third}"));
        using var intoMerged = await MergeAsync(client, merged, third, await ETagAsync(client, $"{CustomersApi.CustomersPath}/{merged}"));

        await ProblemResponse.ReadAsync(restore, HttpStatusCode.Conflict, "customer-merged");
        await ProblemResponse.ReadAsync(mergeAgain, HttpStatusCode.Conflict, "customer-merged");
        await ProblemResponse.ReadAsync(intoMerged, HttpStatusCode.Conflict, "customer-merged");
        await ProblemResponse.ReadAsync(update, HttpStatusCode.Conflict, "customer-merged");
    }

    [Fact]
    public async Task MergeCustomers_WithItself_Returns422()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });

        using var response = await MergeAsync(client, ann, ann, await ETagAsync(client, $"{CustomersApi.CustomersPath}/{ann}"));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "merge-with-itself");
    }

    [Fact]
    public async Task MergeCustomers_UnknownOrAnotherBusinesssCustomer_Returns404()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var strangersAnn = await RegisterAsync(stranger, new { displayName = "Ann Smith" });
        var etag = await ETagAsync(client, $"{CustomersApi.CustomersPath}/{ann}");

        using var unknown = await MergeAsync(client, ann, Guid.NewGuid(), etag);
        using var foreignMerged = await MergeAsync(client, ann, strangersAnn, etag);
        using var foreignSurvivor = await MergeAsync(stranger, ann, strangersAnn, etag);

        await ProblemResponse.ReadAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignMerged, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(foreignSurvivor, HttpStatusCode.NotFound, "not-found");
        Assert.False(IsSet(await GetJsonAsync(stranger, $"{CustomersApi.CustomersPath}/{strangersAnn}"), "archivedAt"));
    }

    [Fact]
    public async Task MergeCustomers_WithoutOrWithAStaleIfMatch_Returns428Or412AndChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith" });
        var stale = await ETagAsync(client, $"{CustomersApi.CustomersPath}/{ann}");
        using (var verify = await client.PostAsync($"{CustomersApi.CustomersPath}/{ann}/verify", null))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }

        using var missing = await MergeAsync(client, ann, annie, ifMatch: null);
        using var outdated = await MergeAsync(client, ann, annie, stale);

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        await ProblemResponse.ReadAsync(outdated, HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.False(IsSet(await GetJsonAsync(client, $"{CustomersApi.CustomersPath}/{annie}"), "archivedAt"));
        Assert.Equal(0L, await PurchaseHistoryApi.CountEventsAsync(fixture.Database, tenantId, "customers.customers-merged.v1"));
    }

    [Fact]
    public async Task MergeCustomers_WithoutMergedId_Returns400()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });
        using var request = new HttpRequestMessage(HttpMethod.Post, MergePath(ann)) { Content = JsonContent.Create(new { }) };
        request.Headers.IfMatch.Add(await ETagAsync(client, $"{CustomersApi.CustomersPath}/{ann}"));

        using var response = await client.SendAsync(request);

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation"), "mergedId");
    }

    [Fact]
    public async Task MergeCustomers_BranchRestrictedKeyForAnotherHomeBranch_Returns403()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith", homeBranch = "north" });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith" });
        using var branchClient = fixture.Service.CreateClient();

        using var response = await branchClient.SendWithTokenAsync(
            HttpMethod.Post, MergePath(ann), InternalTokens.For(tenantId, InternalTokens.AllScopes, branch: "south"), new { mergedId = annie });

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task MergeCustomers_SamePairConcurrentlyEitherWayRound_OneWins()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var ann = await RegisterAsync(client, new { displayName = "Ann Smith" });
        var annie = await RegisterAsync(client, new { displayName = "Annie Smith" });
        var annTag = await ETagAsync(client, $"{CustomersApi.CustomersPath}/{ann}");
        var annieTag = await ETagAsync(client, $"{CustomersApi.CustomersPath}/{annie}");

        var responses = await Task.WhenAll(
            MergeAsync(client, ann, annie, annTag),
            MergeAsync(client, annie, ann, annieTag),
            MergeAsync(client, ann, annie, annTag));

        var statuses = responses.Select(response => response.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.All(statuses.Where(status => status != HttpStatusCode.OK), status => Assert.True(
            status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"Expected 409 or 412, got {(int)status}"));
        Assert.Equal(1L, await PurchaseHistoryApi.CountEventsAsync(fixture.Database, tenantId, "customers.customers-merged.v1"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE tenant_id = @tenant AND merged_into IS NOT NULL", ("tenant", tenantId)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<long> CountAsync(string table, Guid tenantId, Guid customerId) =>
        fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {table} WHERE tenant_id = @tenant AND customer_id = @customer", ("tenant", tenantId), ("customer", customerId));

    private static async Task ConsentAsync(HttpClient client, Guid customerId, string channel, bool granted, DateTimeOffset occurredAt)
    {
        using var response = await client.PostAsJsonAsync(
            $"{CustomersApi.CustomersPath}/{customerId}/consent", new { decisions = new[] { new { channel, granted, source = "branch", occurredAt } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
