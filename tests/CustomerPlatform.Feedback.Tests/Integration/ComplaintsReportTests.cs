using System.Globalization;
using System.Net;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ReportsApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ComplaintsReportTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    [Fact]
    public async Task Complaints_PerHundredPurchases_CountPublishedPurchasesOnceEach()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var repeated = Guid.NewGuid();
        for (var i = 0; i < 4; i++)
        {
            await PublishPurchaseAsync(tenantId, "north", i == 0 ? repeated : Guid.NewGuid());
        }

        await PublishPurchaseAsync(tenantId, "north", repeated, times: 2);
        await PublishPurchaseAsync(Guid.NewGuid(), "north", Guid.NewGuid());
        await ComplaintsClient.OpenAsync(client, ComplaintsClient.Body(branch: "north"));

        var byBranch = await GetJsonAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}&by=branch");
        var total = await GetJsonAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}");
        var byCategory = await GetJsonAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}&by=category");

        var north = Group(byBranch, "north");
        Assert.Equal(1, north.GetProperty("received").GetInt64());
        Assert.Equal(4, north.GetProperty("purchases").GetInt64());
        Assert.Equal(25.00m, north.GetProperty("perHundredPurchases").GetDecimal());
        Assert.Equal(25.00m, Group(total, "all").GetProperty("perHundredPurchases").GetDecimal());
        var billing = Group(byCategory, "billing");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, billing.GetProperty("perHundredPurchases").ValueKind);
        Assert.Equal(1, billing.GetProperty("change").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, billing.GetProperty("changePercent").ValueKind);
    }

    [Fact]
    public async Task Complaints_TimesToAcknowledgeAndResolve_GiveMedianAndP90InJsonAndCsv()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        (double Ack, double Resolve)[] hours = [(1, 10), (2, 20), (10, 100)];
        var received = In(LastMonth, day: 3);
        foreach (var (ack, resolve) in hours)
        {
            var (complaint, etag) = await ComplaintsClient.OpenAsync(client, ComplaintsClient.Body(severity: "high"));
            var id = complaint.GetProperty("id").GetGuid();
            await ComplaintsClient.WalkAsync(client, id, etag, "acknowledged", "investigating", "resolved");
            await fixture.Database.ExecuteAsync("UPDATE complaints SET received_at = @at WHERE id = @id", ("at", received), ("id", id));
            await SetTransitionTimeAsync(id, "Acknowledged", received.AddHours(ack));
            await SetTransitionTimeAsync(id, "Resolved", received.AddHours(resolve));
        }

        var (open, _) = await ComplaintsClient.OpenAsync(client, ComplaintsClient.Body(severity: "high"));
        await fixture.Database.ExecuteAsync("UPDATE complaints SET received_at = @at WHERE id = @id", ("at", received), ("id", open.GetProperty("id").GetGuid()));
        var path = $"{ComplaintsReportPath}?{MonthQuery(LastMonth)}&by=severity";

        var json = await GetJsonAsync(client, path);
        var csv = await GetCsvAsync(client, path + "&format=csv");

        var high = Group(json, "high");
        Assert.Equal(4, high.GetProperty("received").GetInt64());
        Assert.Equal(2.0, high.GetProperty("acknowledgeMedianHours").GetDouble());
        Assert.Equal(8.4, high.GetProperty("acknowledgeP90Hours").GetDouble());
        Assert.Equal(20.0, high.GetProperty("resolveMedianHours").GetDouble());
        Assert.Equal(84.0, high.GetProperty("resolveP90Hours").GetDouble());
        // Recovery is measured by the follow-up survey (ClosedLoopTests); resolving alone recovers no one.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, high.GetProperty("recoveryRate").ValueKind);
        var line = Assert.Single(csv);
        Assert.Equal("high", line["group"]);
        Assert.Equal("4", line["received"]);
        Assert.Equal(8.4, double.Parse(line["acknowledgeP90Hours"], CultureInfo.InvariantCulture));
        Assert.Equal(84.0, double.Parse(line["resolveP90Hours"], CultureInfo.InvariantCulture));
        Assert.Equal("", line["recoveryRate"]);
    }

    [Fact]
    public async Task Complaints_CompensationCost_SumsApprovedAmountsPerCurrency()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var complaintId = await CompensationClient.OpenCaseAsync(client);
        await CompensationClient.OfferAsync(client, complaintId, CompensationClient.Offer(amount: 15m));
        await CompensationClient.OfferAsync(client, complaintId, CompensationClient.Offer(amount: 10.5m));

        var report = await GetJsonAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}&by=branch");
        var csv = await GetCsvAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}&by=branch&format=csv");

        var cost = Assert.Single(Group(report, "central").GetProperty("compensationCost").EnumerateArray());
        Assert.Equal("EUR", cost.GetProperty("currency").GetString());
        Assert.Equal(25.5m, cost.GetProperty("amount").GetDecimal());
        Assert.StartsWith("EUR 25.5", Assert.Single(csv)["compensationCost"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaints_OfAnotherBusiness_AreNeverCounted()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var stranger = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await ComplaintsClient.OpenAsync(stranger, ComplaintsClient.Body(branch: "central"));

        var report = await GetJsonAsync(client, $"{ComplaintsReportPath}?{MonthQuery(ThisMonth)}&by=branch");

        Assert.Empty(report.GetProperty("periods")[0].GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task Complaints_BranchKeyAskingForAnotherBranch_Returns403()
    {
        using var northKey = SurveyResponseApi.BranchClient(fixture.Service, Guid.NewGuid(), "north");

        using var response = await northKey.GetAsync(new Uri($"{ComplaintsReportPath}?branch=south", UriKind.Relative));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("period=year", "period")]
    [InlineData("from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("by=segment", "by")]
    public async Task Complaints_InvalidQuery_Returns400WithTheFieldError(string query, string field)
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.GetAsync(new Uri($"{ComplaintsReportPath}?{query}", UriKind.Relative));

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemResponse.ErrorsFor(problem, field));
    }

    private Task SetTransitionTimeAsync(Guid complaintId, string to, DateTimeOffset at) =>
        fixture.Database.ExecuteAsync(
            "UPDATE complaint_transitions SET occurred_at = @at WHERE complaint_id = @id AND \"to\" = @to",
            ("at", at), ("id", complaintId), ("to", to));

    private async Task PublishPurchaseAsync(Guid tenantId, string branch, Guid messageId, int times = 1)
    {
        await fixture.PublishAsync(new PurchaseRecorded
        {
            TenantId = tenantId,
            PurchaseId = Guid.NewGuid(),
            CustomerId = Guid.NewGuid(),
            Branch = branch,
            Amount = 20m,
            Currency = "EUR",
            OccurredAt = DateTimeOffset.UtcNow,
        }, messageId);
        // Feedback also schedules surveys from purchases, on a queue of its own.
        await fixture.WaitUntilConsumedAsync(messageId, times, queue: "feedback-purchase-count");
    }
}
