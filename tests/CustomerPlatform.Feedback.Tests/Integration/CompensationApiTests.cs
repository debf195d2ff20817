using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.CompensationClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class CompensationApiTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task OfferCompensation_WithinTheRolesLimit_Returns201ApprovedAndPublishesCompensationApproved()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var customerId = Guid.NewGuid();
        var complaintId = await OpenCaseAsync(client, customerId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ApprovedExchange);

        using var response = await client.PostAsJsonAsync(CompensationsPath(complaintId), Offer(amount: 19.99m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        var compensationId = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/feedback/complaints/{complaintId}/compensations/{compensationId}", response.Headers.Location!.OriginalString);
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal("refund", body.GetProperty("type").GetString());
        Assert.Equal(19.99m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        Assert.Equal("staff", body.GetProperty("approvedByRole").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("compensationId") == compensationId, "CompensationApproved should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal(complaintId, observed.GetGuid("complaintId"));
        Assert.Equal(customerId, observed.GetGuid("customerId"));
        Assert.Equal("central", observed.GetString("branch"));
        Assert.Equal("refund", observed.GetString("type"));
        Assert.Equal(19.99m, EventDecimal(observed, "amount"));
        Assert.Equal("EUR", observed.GetString("currency"));
        Assert.Equal("staff", observed.GetString("approvedByRole"));
        Assert.True(observed.Message.TryGetProperty("occurredAt", out _));
        Assert.False(observed.Message.TryGetProperty("reason", out _), "the reason is personal data");
    }

    [Fact]
    public async Task OfferCompensation_LoyaltyPointsWithinLimit_PublishesPointsWithoutCurrency()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var complaintId = await OpenCaseAsync(client);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ApprovedExchange);

        var body = await OfferAsync(client, complaintId, Offer(type: "loyaltyPoints", amount: 250, currency: null));

        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal(250, body.GetProperty("points").GetInt64());
        Assert.False(body.TryGetProperty("amount", out _));
        var compensationId = body.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("compensationId") == compensationId, "CompensationApproved should be published");
        Assert.Equal("loyaltyPoints", observed.GetString("type"));
        Assert.Equal(250, observed.Message.GetProperty("points").GetInt64());
        Assert.True(!observed.Message.TryGetProperty("currency", out var currency) || currency.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task OfferCompensation_AboveTheRolesLimit_Returns201PendingAndPublishesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(client);

        var body = await OfferAsync(client, complaintId, Offer(amount: 20.01m));

        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("approvedByRole", out _));
        Assert.Equal(0L, await CountApprovedEventsAsync(tenantId));
    }

    [Fact]
    public async Task ApproveCompensation_ByAHigherRoleWhoseLimitCoversIt_Returns200AndPublishes()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var complaintId = await OpenCaseAsync(client);
        var pending = await OfferAsync(client, complaintId, Offer(amount: 150m));
        var compensationId = pending.GetProperty("id").GetGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, ApprovedExchange);

        using var response = await client.PostAsJsonAsync($"{CompensationsPath(complaintId)}/{compensationId}/approve", new { approvedBy = "Morgan", role = "manager" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(response);
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal("Morgan", body.GetProperty("decidedBy").GetString());
        Assert.Equal("manager", body.GetProperty("approvedByRole").GetString());
        var observed = await probe.WaitForAsync(message => message.GetGuid("compensationId") == compensationId, "CompensationApproved should be published");
        Assert.Equal("manager", observed.GetString("approvedByRole"));
        Assert.Equal(150m, EventDecimal(observed, "amount"));
    }

    [Fact]
    public async Task ApproveCompensation_ByARoleWhoseLimitDoesNotCoverIt_Returns422AboveAuthorityLimit()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(client);
        var compensationId = (await OfferAsync(client, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();

        using var response = await client.PostAsJsonAsync($"{CompensationsPath(complaintId)}/{compensationId}/approve", new { approvedBy = "Pat", role = "supervisor" });

        var problem = await ProblemResponse.ReadAsync(response, (HttpStatusCode)422, "compensation-above-authority-limit");
        Assert.Contains("supervisor role may approve refund up to 100.00 EUR", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var read = await client.GetAsync($"{CompensationsPath(complaintId)}/{compensationId}");
        Assert.Equal("pending", (await FeedbackApi.ReadJsonAsync(read)).GetProperty("status").GetString());
        Assert.Equal(0L, await CountApprovedEventsAsync(tenantId));
    }

    [Fact]
    public async Task DeclineCompensation_Pending_Returns200ThenApprovingReturns409NotPending()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(client);
        var compensationId = (await OfferAsync(client, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();

        using var declined = await client.PostAsJsonAsync($"{CompensationsPath(complaintId)}/{compensationId}/decline", new { by = "Morgan", reason = "Refunded by the bank already" });
        using var approved = await client.PostAsJsonAsync($"{CompensationsPath(complaintId)}/{compensationId}/approve", new { approvedBy = "Morgan", role = "manager" });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(declined);
        Assert.Equal("declined", body.GetProperty("status").GetString());
        Assert.Equal("Refunded by the bank already", body.GetProperty("declineReason").GetString());
        await ProblemResponse.ReadAsync(approved, HttpStatusCode.Conflict, "compensation-not-pending");
        Assert.Equal(0L, await CountApprovedEventsAsync(tenantId));
    }

    [Fact]
    public async Task OfferCompensation_OnAClosedCase_Returns409ComplaintClosed()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetLimitsAsync(client);
        var (complaint, etag) = await ComplaintsClient.OpenAsync(client);
        var complaintId = complaint.GetProperty("id").GetGuid();
        await ComplaintsClient.WalkAsync(client, complaintId, etag, "acknowledged", "investigating", "resolved", "closed");

        using var response = await client.PostAsJsonAsync(CompensationsPath(complaintId), Offer());

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Conflict, "complaint-closed");
    }

    [Fact]
    public async Task GetComplaint_WithCompensations_ShowsThemInOfferOrder()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var complaintId = await OpenCaseAsync(client);
        await OfferAsync(client, complaintId, Offer(amount: 10m));
        await OfferAsync(client, complaintId, Offer(type: "creditNote", amount: 300m));

        using var response = await client.GetAsync($"{ComplaintsClient.ComplaintsPath}/{complaintId}");

        var compensations = (await FeedbackApi.ReadJsonAsync(response)).GetProperty("compensations").EnumerateArray().ToList();
        Assert.Equal(["approved", "pending"], compensations.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(["refund", "creditNote"], compensations.Select(c => c.GetProperty("type").GetString()));
    }

    public static TheoryData<string, string> InvalidOffers => new()
    {
        { """{"amount":5,"currency":"EUR","reason":"r","offeredBy":"Sam","role":"staff"}""", "type" },
        { """{"type":"refund","amount":0,"currency":"EUR","reason":"r","offeredBy":"Sam","role":"staff"}""", "amount" },
        { """{"type":"refund","amount":1.23456,"currency":"EUR","reason":"r","offeredBy":"Sam","role":"staff"}""", "amount" },
        { """{"type":"loyaltyPoints","amount":10.5,"reason":"r","offeredBy":"Sam","role":"staff"}""", "amount" },
        { """{"type":"loyaltyPoints","amount":10,"currency":"EUR","reason":"r","offeredBy":"Sam","role":"staff"}""", "currency" },
        { """{"type":"refund","amount":5,"reason":"r","offeredBy":"Sam","role":"staff"}""", "currency" },
        { """{"type":"refund","amount":5,"currency":"GBP","reason":"r","offeredBy":"Sam","role":"staff"}""", "currency" },
        { """{"type":"refund","amount":5,"currency":"EUR","reason":" ","offeredBy":"Sam","role":"staff"}""", "reason" },
        { """{"type":"refund","amount":5,"currency":"EUR","reason":"r","role":"staff"}""", "offeredBy" },
        { """{"type":"refund","amount":5,"currency":"EUR","reason":"r","offeredBy":"Sam","role":"janitor"}""", "role" },
    };

    [Theory]
    [MemberData(nameof(InvalidOffers))]
    public async Task OfferCompensation_Invalid_Returns400WithTheFieldAndStoresNothing(string json, string field)
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(client);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(CompensationsPath(complaintId), content);

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, field);
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("compensations", tenantId));
    }

    [Fact]
    public async Task OfferCompensation_ReplayedWithSameKey_ReturnsStoredResponseAndOffersOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(client);
        var key = Guid.NewGuid().ToString();
        using var first = await IdempotentRequest.PostAsync(client, CompensationsPath(complaintId), key, Offer());
        var firstBody = await first.Content.ReadAsStringAsync();

        using var replay = await IdempotentRequest.PostAsync(client, CompensationsPath(complaintId), key, Offer());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("compensations", tenantId));
        Assert.Equal(1L, await CountApprovedEventsAsync(tenantId));
    }

    [Fact]
    public async Task Compensations_OfAnotherTenantsCase_Return404()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var complaintId = await OpenCaseAsync(owner);
        var compensationId = (await OfferAsync(owner, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await SetLimitsAsync(other);
        var path = $"{CompensationsPath(complaintId)}/{compensationId}";

        using var offer = await other.PostAsJsonAsync(CompensationsPath(complaintId), Offer());
        using var read = await other.GetAsync(path);
        using var approve = await other.PostAsJsonAsync($"{path}/approve", new { approvedBy = "Eve", role = "manager" });
        using var decline = await other.PostAsJsonAsync($"{path}/decline", new { by = "Eve", reason = "No" });

        await ProblemResponse.ReadAsync(offer, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(approve, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(decline, HttpStatusCode.NotFound, "not-found");
        using var mine = await owner.GetAsync(path);
        Assert.Equal("pending", (await FeedbackApi.ReadJsonAsync(mine)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Compensations_WithBranchKeyForAnotherBranch_Return403AndChangeNothing()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(admin, branch: "north");
        var compensationId = (await OfferAsync(admin, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();
        using var south = fixture.Service.CreateClient();
        var token = InternalTokens.For(tenantId, InternalTokens.AllScopes, "south");
        var path = $"{CompensationsPath(complaintId)}/{compensationId}";

        using var offer = await south.SendWithTokenAsync(HttpMethod.Post, CompensationsPath(complaintId), token, Offer());
        using var approve = await south.SendWithTokenAsync(HttpMethod.Post, $"{path}/approve", token, new { approvedBy = "Eve", role = "manager" });
        using var decline = await south.SendWithTokenAsync(HttpMethod.Post, $"{path}/decline", token, new { by = "Eve", reason = "No" });

        await ProblemResponse.ReadAsync(offer, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(approve, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(decline, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1L, await fixture.Database.CountForTenantAsync("compensations", tenantId));
        using var read = await admin.GetAsync(path);
        Assert.Equal("pending", (await FeedbackApi.ReadJsonAsync(read)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ApproveCompensation_WithBranchKeyForOwnBranch_Returns200()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        var complaintId = await OpenCaseAsync(admin, branch: "north");
        var compensationId = (await OfferAsync(admin, complaintId, Offer(amount: 150m))).GetProperty("id").GetGuid();
        using var north = fixture.Service.CreateClient();

        using var response = await north.SendWithTokenAsync(
            HttpMethod.Post, $"{CompensationsPath(complaintId)}/{compensationId}/approve",
            InternalTokens.For(tenantId, InternalTokens.AllScopes, "north"), new { approvedBy = "Morgan", role = "manager" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // MassTransit writes decimals as JSON strings, so no consumer loses precision to a double.
    private static decimal EventDecimal(ObservedEvent observed, string property) =>
        decimal.Parse(observed.GetString(property)!, CultureInfo.InvariantCulture);

    private Task<long> CountApprovedEventsAsync(Guid tenantId) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%compensation-approved%'", ("tenant", tenantId));
}
