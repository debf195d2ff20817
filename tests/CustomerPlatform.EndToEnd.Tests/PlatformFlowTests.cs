using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using MassTransit;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>The foundation's business flow, driven through the real gateway over HTTP.</summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class PlatformFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task Purchase_ThroughGateway_CreditsPointsOnceToTheNewAccount()
    {
        var customerId = await RegisterCustomerAsync(platform.BusinessA);
        await WaitForAccountAsync(platform.BusinessA, customerId);

        using var purchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", platform.BusinessA,
            new { branch = "central", amount = 42.50m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        var purchaseId = (await ReadJsonAsync(purchase)).GetProperty("id").GetGuid();
        var account = await Eventually.GetAsync(async () =>
        {
            var body = await GetAccountAsync(platform.BusinessA, customerId);
            return body is { } json && json.GetProperty("balance").GetInt64() > 0 ? body : null;
        }, "the purchase's points should be credited");
        Assert.Equal(42, account!.Value.GetProperty("balance").GetInt64());
        var entry = Assert.Single(account.Value.GetProperty("recentEntries").EnumerateArray());
        Assert.Equal("earn", entry.GetProperty("type").GetString());
        Assert.Equal(42, entry.GetProperty("points").GetInt64());
        Assert.Equal(purchaseId, entry.GetProperty("sourceId").GetGuid());
    }

    [Fact]
    public async Task CsvImport_ThroughGateway_CreatesCustomersLoyaltyOpensAccountsAndTheExportHasThem()
    {
        var tag = "imp" + Guid.NewGuid().ToString("N")[..10];
        var csv = $"First Name,Surname,E-mail,tags\nIda,Import,ida.{tag}@example.com,{tag}\nOla,Import,ola.{tag}@example.com,{tag}\nBad,Row,not-an-email,{tag}\n";
        using var request = platform.Request(HttpMethod.Post, "/api/v1/customers/imports?mode=upsert&map=First%20Name:givenName&map=Surname:familyName", platform.BusinessA);
        request.Content = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await platform.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var job = await Eventually.GetAsync(async () =>
        {
            using var poll = await platform.SendAsync(HttpMethod.Get, location, platform.BusinessA);
            var body = await ReadJsonAsync(poll);
            return body.GetProperty("status").GetString() == "completed" ? (JsonElement?)body : null;
        }, "the import job should complete");
        Assert.Equal((2, 1), (job!.Value.GetProperty("created").GetInt32(), job.Value.GetProperty("failed").GetInt32()));
        using var search = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers?tag={tag}", platform.BusinessA);
        var ids = (await ReadJsonAsync(search)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
        {
            await WaitForAccountAsync(platform.BusinessA, id);
        }

        using var export = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/export.csv?tag={tag}", platform.BusinessA);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var errors = await platform.SendAsync(HttpMethod.Get, $"{location}/errors.csv", platform.BusinessA);
        Assert.Contains("not-an-email", await errors.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feedback_ThroughGateway_CountsInTheBranchScorecard()
    {
        var branch = UniqueBranch();
        var customerId = await RegisterCustomerAsync(platform.BusinessA);

        foreach (var rating in new[] { 10, 9, 3 })
        {
            using var response = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback", platform.BusinessA,
                new { customerId, branch, rating, comment = "Fresh bread" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var scorecard = await Eventually.GetAsync(async () =>
        {
            using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/standards/scorecard?branch={branch}", platform.BusinessA);
            var body = await ReadJsonAsync(response);
            return body.GetProperty("responses").GetInt32() == 3 ? (JsonElement?)body : null;
        }, "Standards should count the three ratings");
        Assert.Equal(2, scorecard!.Value.GetProperty("promoters").GetInt32());
        Assert.Equal(1, scorecard.Value.GetProperty("detractors").GetInt32());
        Assert.Equal(33.3m, scorecard.Value.GetProperty("nps").GetDecimal());
    }

    [Fact]
    public async Task Complaint_OpenedThroughGateway_ShowsOnTheCustomersTimeline()
    {
        // Its own business: the category list is business-wide, and the isolation tests set business A's.
        var business = await platform.CreateBusinessAsync("Complaints bakery");
        var customerId = await RegisterCustomerAsync(business);
        using (var categories = await platform.SendAsync(HttpMethod.Put, "/api/v1/feedback/complaint-categories", business,
            new { items = new[] { new { code = "quality", label = "Quality" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        }

        using var opened = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/complaints", business,
            new { customerId, branch = "central", channel = "phone", category = "quality", severity = "high", description = "Stale bread" });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var complaintId = (await ReadJsonAsync(opened)).GetProperty("id").GetGuid();
        var entry = await Eventually.GetAsync(async () =>
        {
            using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{customerId}/timeline", business);
            var items = (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
            return items.FirstOrDefault(item => item.GetProperty("type").GetString() == "complaintReceived") is { ValueKind: JsonValueKind.Object } found
                ? (JsonElement?)found
                : null;
        }, "ComplaintReceived should reach the customer's timeline");
        Assert.Equal(complaintId, entry!.Value.GetProperty("details").GetProperty("complaintId").GetGuid());
        Assert.Equal("high", entry.Value.GetProperty("details").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Branch_RegisteredAndClosedThroughGateway_ReachesStandardsBranchDirectory()
    {
        var code = $"b{Guid.NewGuid():N}"[..12];
        using (var registered = await platform.SendAsync(HttpMethod.Post, "/api/v1/branches", platform.BusinessA, new
        {
            code,
            name = "Harbour",
            timeZone = "Europe/Lisbon",
            openingHours = new[] { new { day = "tuesday", opens = "08:00", closes = "20:00" } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using (var closed = await platform.SendAsync(HttpMethod.Post, $"/api/v1/branches/{code}/close", platform.BusinessA))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var standards = platform.Database("standardsdb");
        (string, object?)[] key = [("tenant", platform.BusinessA.Id), ("code", code)];
        // The two events travel on separate queues, so the close may arrive first: wait for both to be applied.
        await Eventually.AssertAsync(
            async () => await standards.ScalarAsync<bool>(
                "SELECT closed_at IS NOT NULL AND time_zone = 'Europe/Lisbon' FROM branches WHERE tenant_id = @tenant AND code = @code", key),
            "Standards should hold the branch, closed and with its details, from the gateway's events");
        Assert.Equal("tuesday", await standards.ScalarAsync<string>("SELECT opening_hours -> 0 ->> 'day' FROM branches WHERE tenant_id = @tenant AND code = @code", key));
    }

    [Fact]
    public async Task TraceContext_FlowsFromGatewayThroughOutboxToLoyaltyConsumer()
    {
        var customerId = await RegisterCustomerAsync(platform.BusinessA);
        await WaitForAccountAsync(platform.BusinessA, customerId);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = platform.Request(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", platform.BusinessA,
            new { branch = "central", amount = 12m, currency = "EUR" });
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await platform.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        (string Name, Func<ReceivedSpan, bool> Match)[] expected =
        [
            ("gateway server", span => span.ServiceName == "gateway" && span.Kind == ServerKind),
            ("customers server", span => span.ServiceName == "customers" && span.Kind == ServerKind),
            ("customers Npgsql", span => span.ServiceName == "customers" && span.ScopeName == "Npgsql"),
            ("customers outbox publish", span => span.ServiceName == "customers" && span.Name == "outbox publish"),
            ("customers producer", span => span.ServiceName == "customers" && span.Kind == ProducerKind),
            ("loyalty consumer", span => span.ServiceName == "loyalty" && span.Kind == ConsumerKind),
        ];
        // Each app exports on its own schedule, so the spans arrive in any order: wait for all of them, then say
        // which is missing if one never came.
        List<ReceivedSpan> Spans() => platform.Traces.Spans.Where(span => span.TraceId == traceId).ToList();
        try
        {
            await Eventually.AssertAsync(
                () => Task.FromResult(expected.All(e => Spans().Any(e.Match))),
                "every span of the purchase's path should join the request's trace");
        }
        catch (Xunit.Sdk.FailException)
        {
            // Fall through to the assertion that names the missing span.
        }

        var spans = Spans();
        foreach (var (name, match) in expected)
        {
            Assert.True(spans.Any(match), $"no {name} span in trace {traceId}; received: {string.Join(", ", spans.Select(span => $"{span.ServiceName}/{span.Name}"))}");
        }
    }

    [Fact]
    public async Task Customer_ReadWithAnotherBusinessKey_Returns404LikeAnUnknownId()
    {
        var customerId = await RegisterCustomerAsync(platform.BusinessA);

        using var foreign = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{customerId}", platform.BusinessB);
        using var foreignPurchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", platform.BusinessB,
            new { branch = "central", amount = 5m, currency = "EUR" });
        using var unknown = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{Guid.CreateVersion7()}", platform.BusinessB);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPurchase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:customer-platform:problem:not-found", (await ReadJsonAsync(foreign)).GetProperty("type").GetString());
        using var own = await platform.SendAsync(HttpMethod.Get, $"/api/v1/customers/{customerId}", platform.BusinessA);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Service_CalledDirectlyWithoutTheGatewayToken_Returns401()
    {
        using var anonymous = await platform.Http.GetAsync(new Uri(platform.Customers.BaseAddress, $"/api/v1/customers/{Guid.CreateVersion7()}"));
        using var withApiKey = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Customers.BaseAddress, $"/api/v1/customers/{Guid.CreateVersion7()}"));
        withApiKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.BusinessA.ApiKey);
        using var withKeyResponse = await platform.Http.SendAsync(withApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withKeyResponse.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Gateway_WithoutOrWithABadKey_Returns401Problem()
    {
        using var missing = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, "/api/v1/customers/" + Guid.CreateVersion7()));
        using var wrong = await platform.SendAsync(HttpMethod.Get, "/api/v1/customers/" + Guid.CreateVersion7(),
            platform.BusinessA with { ApiKey = platform.BusinessA.ApiKey[..^4] + "AAAA" });

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("urn:customer-platform:problem:unauthorized", (await ReadJsonAsync(wrong)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task RegisterCustomer_WithMalformedJson_Returns400ProblemNamingTheField()
    {
        using var request = platform.Request(HttpMethod.Post, "/api/v1/customers", platform.BusinessA);
        request.Content = new StringContent("""{"displayName": "Ada", "emails": 12}""", Encoding.UTF8, "application/json");

        using var response = await platform.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("urn:customer-platform:problem:malformed-json", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.emails", out _), problem.ToString());
    }

    [Fact]
    public async Task RegisterCustomer_WithInvalidFields_Returns400WithFieldErrors()
    {
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", platform.BusinessA,
            new { displayName = "Ada", emails = new[] { "not-an-email" }, phones = new[] { "12345" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("urn:customer-platform:problem:validation", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("emails[0]", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("phones[0]", out _), problem.ToString());
    }

    [Fact]
    public async Task LoyaltyAccount_ForUnknownCustomer_Returns404Problem()
    {
        using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{Guid.CreateVersion7()}", platform.BusinessA);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:customer-platform:problem:not-found", (await ReadJsonAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task PurchaseRecorded_DeliveredTwiceWithTheSameMessageId_IsCreditedOnce()
    {
        var customerId = await RegisterCustomerAsync(platform.BusinessA);
        await WaitForAccountAsync(platform.BusinessA, customerId);
        var broker = new Uri(platform.Broker.ConnectionString);
        var credentials = broker.UserInfo.Split(':');
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, (ushort)broker.Port, Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')), host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        }));
        await bus.StartAsync();
        var messageId = NewId.NextGuid();
        var purchase = new PurchaseRecorded
        {
            TenantId = platform.BusinessA.Id,
            PurchaseId = Guid.CreateVersion7(),
            CustomerId = customerId,
            Branch = "central",
            Amount = 7.99m,
            Currency = "EUR",
            OccurredAt = DateTimeOffset.UtcNow,
        };

        var loyalty = platform.Database("loyaltydb");
        var redeliveryId = NewId.NextGuid();
        try
        {
            await bus.Publish(purchase, context => context.MessageId = messageId);
            await WaitForInboxAsync(loyalty, messageId);
            await bus.Publish(purchase, context => context.MessageId = messageId);
            // The same purchase under a new message id (a republished event): the natural key must hold too.
            await bus.Publish(purchase, context => context.MessageId = redeliveryId);
            await WaitForInboxAsync(loyalty, redeliveryId);
        }
        finally
        {
            await bus.StopAsync();
        }

        Assert.Equal(1, await loyalty.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE source_id = @id", ("id", purchase.PurchaseId)));
        var account = await GetAccountAsync(platform.BusinessA, customerId);
        Assert.Equal(7, account!.Value.GetProperty("balance").GetInt64());
        Assert.Equal(7, await loyalty.ScalarAsync<long>(
            "SELECT sum(e.points) FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.customer_id = @id", ("id", customerId)));
    }

    [Fact]
    public async Task CustomerRegistered_WrittenWhileTheBrokerIsUnreachable_IsDeliveredAfterItReturns()
    {
        await platform.CustomersBrokerLink.CutAsync();
        Guid customerId;
        try
        {
            var started = Stopwatch.StartNew();
            customerId = await RegisterCustomerAsync(platform.BusinessA);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"A write should not wait for the broker (took {started.Elapsed}).");
            Assert.Null(await platform.Database("customersdb").ScalarAsync<DateTime?>(
                "SELECT sent_at FROM outbox_messages WHERE payload->>'customerId' = @id", ("id", customerId.ToString())));
        }
        finally
        {
            platform.CustomersBrokerLink.Resume();
        }

        await WaitForAccountAsync(platform.BusinessA, customerId, TimeSpan.FromSeconds(60));
        Assert.NotNull(await platform.Database("customersdb").ScalarAsync<DateTime?>(
            "SELECT sent_at FROM outbox_messages WHERE payload->>'customerId' = @id", ("id", customerId.ToString())));
    }

    private const int ServerKind = 2;
    private const int ProducerKind = 4;
    private const int ConsumerKind = 5;

    private static async Task WaitForInboxAsync(PostgresDatabase loyalty, Guid messageId) =>
        await Eventually.AssertAsync(
            async () => await loyalty.ScalarAsync<long>(
                "SELECT count(*) FROM inbox_messages WHERE consumer = 'loyalty.earn-points' AND message_id = @id", ("id", messageId)) == 1,
            $"Loyalty should process message {messageId}");

    private async Task<Guid> RegisterCustomerAsync(Business business)
    {
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", business,
            new { displayName = "Ada Lovelace", emails = new[] { $"ada.{Guid.NewGuid():N}@example.com" }, phones = new[] { "+44 20 7946 0958" }, homeBranch = "central" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await ReadJsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task WaitForAccountAsync(Business business, Guid customerId, TimeSpan? timeout = null) =>
        await Eventually.AssertAsync(
            async () => await GetAccountAsync(business, customerId) is not null,
            $"Loyalty should open an account for customer {customerId}",
            timeout);

    private async Task<JsonElement?> GetAccountAsync(Business business, Guid customerId)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}", business);
        return response.StatusCode == HttpStatusCode.OK ? await ReadJsonAsync(response) : null;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string UniqueBranch() => "b-" + Guid.NewGuid().ToString("N")[..12];
}
