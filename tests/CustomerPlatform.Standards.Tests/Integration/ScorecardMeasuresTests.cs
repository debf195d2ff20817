using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Each metric measured from the events Standards consumes, read through the scorecard's standards.</summary>
[Trait("Category", "Integration")]
public sealed class ScorecardMeasuresTests(StandardsServiceFixture fixture, ITestOutputHelper output) : IClassFixture<StandardsServiceFixture>
{
    private static readonly DateTimeOffset March = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scorecard_FeedbackAndInvitationsInTheMonth_MeasureNpsCsatCesAndSurveyResponseRate()
    {
        var tenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await CreateStandardAsync(client, "NPS", "nps", "atLeast", 55, 60);
        await CreateStandardAsync(client, "CSAT", "csat", "atLeast", 60, 70);
        await CreateStandardAsync(client, "CES", "ces", "atMost", 3, 2);
        await CreateStandardAsync(client, "Responses", "survey-response-rate", "atLeast", 50, null);

        await fixture.RecordAsync(
            StandardsServiceFixture.Feedback(tenantId, branch, 10, March),
            StandardsServiceFixture.Feedback(tenantId, branch, 9, March) with { Source = "survey", Nps = 9, Csat = 5, Ces = 2 },
            StandardsServiceFixture.Feedback(tenantId, branch, 3, March.AddDays(5)) with { Source = "survey", Nps = 3, Csat = 3, Ces = 4 },
            StandardsServiceFixture.Feedback(tenantId, branch, 0, March) with { Rating = null, Source = "survey", Csat = 4, Ces = 1 },
            StandardsServiceFixture.Feedback(tenantId, branch, 10, new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.Zero)),
            StandardsServiceFixture.Feedback(tenantId, branch, 0, new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero)) with { Source = "survey", Csat = 1, Ces = 7 });
        await Task.WhenAll(
            fixture.DeliverAsync(Invitation(tenantId, branch, March)),
            fixture.DeliverAsync(Invitation(tenantId, branch, March)),
            fixture.DeliverAsync(Invitation(tenantId, branch, March.AddDays(1))),
            fixture.DeliverAsync(Invitation(tenantId, branch, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))),
            fixture.DeliverAsync(Invitation(tenantId, branch, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))));

        var scorecard = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2026-03");

        Assert.Equal((4, 3, 0, 1, 50.0m), (scorecard.Responses, scorecard.Promoters, scorecard.Passives, scorecard.Detractors, scorecard.Nps));
        AssertLine(scorecard, "nps", actual: 50.0m, sampleSize: 4, "breached");
        AssertLine(scorecard, "csat", actual: 66.7m, sampleSize: 3, "atRisk");
        AssertLine(scorecard, "ces", actual: 2.3m, sampleSize: 3, "atRisk");
        AssertLine(scorecard, "survey-response-rate", actual: 75.0m, sampleSize: 4, "met");
        var nps = scorecard.Standards.Single(line => line.Metric == "nps");
        Assert.Equal(("NPS", "atLeast", 55m, 60m, 1), (nps.Name, nps.Comparator, nps.Target, nps.Warning, nps.StandardVersion));
        Assert.Empty(nps.Failings);
        var february = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2026-02");
        AssertLine(february, "csat", actual: 0.0m, sampleSize: 1, "breached");
        AssertLine(february, "survey-response-rate", actual: null, sampleSize: 0, "noData");
    }

    [Fact]
    public async Task Scorecard_PurchasesComplaintsAndCompensation_MeasurePer100Purchases_ForEachTenantApart()
    {
        var tenantId = Guid.NewGuid();
        var otherTenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var otherClient = fixture.Service.CreateTenantClient(otherTenantId);
        foreach (var tenantClient in new[] { client, otherClient })
        {
            await CreateStandardAsync(tenantClient, "Complaints", "complaints-per-100-purchases", "atMost", 30, 20);
            await CreateStandardAsync(tenantClient, "Compensation", "compensation-cost-per-100-purchases", "atMost", 200, null);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(day => fixture.DeliverAsync(Purchase(tenantId, branch, March.AddDays(day)))));
        await Task.WhenAll(
            fixture.DeliverAsync(Complaint(tenantId, branch, March)),
            fixture.DeliverAsync(Complaint(tenantId, branch, March.AddDays(3))),
            fixture.DeliverAsync(Compensation(tenantId, branch, March, amount: 12.50m)),
            fixture.DeliverAsync(Compensation(tenantId, branch, March.AddDays(3), amount: 7.50m)),
            fixture.DeliverAsync(Compensation(tenantId, branch, March, amount: null) with { Type = "loyaltyPoints", Points = 500, Currency = null }),
            fixture.DeliverAsync(Purchase(otherTenantId, branch, March)),
            fixture.DeliverAsync(Purchase(otherTenantId, branch, March)),
            fixture.DeliverAsync(Complaint(otherTenantId, branch, March)),
            fixture.DeliverAsync(Compensation(otherTenantId, branch, March, amount: 1m)));

        var scorecard = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2026-03");
        var other = await fixture.GetScorecardAsync(otherTenantId, $"branch={branch}&period=2026-03");

        AssertLine(scorecard, "complaints-per-100-purchases", actual: 25.0m, sampleSize: 8, "atRisk");
        AssertLine(scorecard, "compensation-cost-per-100-purchases", actual: 250.0m, sampleSize: 8, "breached");
        AssertLine(other, "complaints-per-100-purchases", actual: 50.0m, sampleSize: 2, "breached");
        AssertLine(other, "compensation-cost-per-100-purchases", actual: 50.0m, sampleSize: 2, "met");
        Assert.Equal(2, other.Standards.Count);
    }

    [Fact]
    public async Task Scorecard_FollowUps_CompletedOnTimeInEitherOrderOfArrival_CountOnlyOnceDue()
    {
        var tenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await CreateStandardAsync(client, "Follow-ups", "follow-up-completion", "atLeast", 90, 95);
        var dueAt = March.AddDays(2);
        var (onTime, completedFirst, late, never, noneOwed, notYetDue) =
            (Interaction(tenantId, branch, dueAt), Interaction(tenantId, branch, dueAt), Interaction(tenantId, branch, dueAt),
             Interaction(tenantId, branch, dueAt), Interaction(tenantId, branch, null), Interaction(tenantId, branch, new DateTimeOffset(2099, 1, 10, 9, 0, 0, TimeSpan.Zero)));

        await fixture.DeliverAsync(onTime);
        await fixture.DeliverAsync(Completion(onTime, dueAt.AddHours(-1)));
        await fixture.DeliverAsync(Completion(completedFirst, dueAt));
        await fixture.DeliverAsync(completedFirst);
        await fixture.DeliverAsync(late);
        await fixture.DeliverAsync(Completion(late, dueAt.AddMinutes(1)));
        await Task.WhenAll(fixture.DeliverAsync(never), fixture.DeliverAsync(noneOwed), fixture.DeliverAsync(notYetDue));

        var scorecard = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2026-03");
        var future = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2099-01");

        AssertLine(scorecard, "follow-up-completion", actual: 50.0m, sampleSize: 4, "breached");
        AssertLine(future, "follow-up-completion", actual: null, sampleSize: 0, "noData");
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            "SELECT completed_at = @due AND due_at = @due FROM follow_ups WHERE tenant_id = @tenant AND interaction_id = @id",
            ("due", dueAt), ("tenant", tenantId), ("id", completedFirst.InteractionId)));
        Assert.Equal(5, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM follow_ups WHERE tenant_id = @tenant", ("tenant", tenantId)));
    }

    [Fact]
    public async Task Scorecard_PolicyAcknowledgementRate_IsTheBranchStaffTasksAcknowledged()
    {
        var tenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await CreateStandardAsync(client, "Acknowledged", "policy-acknowledgement-rate", "atLeast", 90, null);
        var first = await RegisterStaffAsync(client, "A1", branch);
        await RegisterStaffAsync(client, "A2", branch);
        await RegisterStaffAsync(client, "B1", "elsewhere");
        var policyId = await PublishPolicyAsync(client);

        using (var acknowledged = await client.PostAsJsonAsync($"/api/v1/standards/policies/{policyId}/versions/1/acknowledgements", new { staffId = first }))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }

        var scorecard = await fixture.GetScorecardAsync(tenantId, $"branch={branch}");
        var before = await fixture.GetScorecardAsync(tenantId, $"branch={branch}&period=2026-03");

        AssertLine(scorecard, "policy-acknowledgement-rate", actual: 50.0m, sampleSize: 2, "breached");
        AssertLine(before, "policy-acknowledgement-rate", actual: null, sampleSize: 0, "noData");
    }

    [Fact]
    public async Task Scorecard_OnlyStandardsOfTheBranch_AndNoDataWithoutFacts()
    {
        var tenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await CreateStandardAsync(client, "Elsewhere", "csat", "atLeast", 80, null, branches: ["elsewhere"]);
        await CreateStandardAsync(client, "Here", "csat", "atLeast", 80, null, branches: [branch, "elsewhere"]);
        await CreateStandardAsync(client, "Everywhere", "ces", "atMost", 3, null);

        using var response = await client.GetAsync(StandardsServiceFixture.ScorecardPath($"branch={branch}&period=2026-03"));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = body.GetProperty("standards").EnumerateArray().ToList();
        Assert.Equal(["Everywhere", "Here"], lines.Select(line => line.GetProperty("name").GetString()));
        Assert.All(lines, line =>
        {
            Assert.Equal("noData", line.GetProperty("outcome").GetString());
            Assert.True(!line.TryGetProperty("actual", out var actual) || actual.ValueKind == JsonValueKind.Null, $"no data has no value: {line}");
            Assert.Equal(0, line.GetProperty("sampleSize").GetInt64());
        });
    }

    [Fact]
    public async Task Scorecard_OneBranchWithTenStandards_AnswersWellUnder100Milliseconds()
    {
        var tenantId = Guid.NewGuid();
        var branch = NewBranch();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        string[] metrics = ["nps", "csat", "ces", "survey-response-rate", "complaints-per-100-purchases", "compensation-cost-per-100-purchases",
            "follow-up-completion", "policy-acknowledgement-rate", "nps", "csat"];
        foreach (var (metric, i) in metrics.Select((metric, i) => (metric, i)))
        {
            var atMost = metric is "ces" or "complaints-per-100-purchases" or "compensation-cost-per-100-purchases";
            await CreateStandardAsync(client, $"S{i}", metric, atMost ? "atMost" : "atLeast", atMost ? 5 : 50, null);
        }

        await fixture.RecordAsync([.. Enumerable.Range(0, 30).Select(day => StandardsServiceFixture.Feedback(tenantId, branch, day % 11, March.AddDays(day % 20)))]);
        var path = StandardsServiceFixture.ScorecardPath($"branch={branch}&period=2026-03");
        using var baselineClient = fixture.Service.CreateTenantClient(Guid.NewGuid());

        var withStandards = await TimeAsync(client, path, expectedStandards: 10);
        var withoutStandards = await TimeAsync(baselineClient, path, expectedStandards: 0);

        // The machine is shared, so absolute times swing with its load (PERFORMANCE.md): the fastest answer shows what
        // the endpoint costs, the median against a scorecard without standards in the same run shows what they add.
        output.WriteLine(
            $"scorecard with 10 standards: min {withStandards[0]:F1} ms, median {Median(withStandards):F1} ms; "
            + $"without standards: min {withoutStandards[0]:F1} ms, median {Median(withoutStandards):F1} ms");
        Assert.True(withStandards[0] < 100, $"fastest of {withStandards.Count}: {withStandards[0]:F1} ms");
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, Uri path, int expectedStandards)
    {
        for (var i = 0; i < 5; i++)
        {
            using var warmUp = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        var timings = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadFromJsonAsync<ScorecardView>();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(expectedStandards, body!.Standards.Count);
        }

        timings.Sort();
        return timings;
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static void AssertLine(ScorecardView scorecard, string metric, decimal? actual, long sampleSize, string outcome)
    {
        var line = Assert.Single(scorecard.Standards, line => line.Metric == metric);
        Assert.Equal((actual, sampleSize, outcome), (line.Actual, line.SampleSize, line.Outcome));
    }

    private static string NewBranch() => $"b{Guid.NewGuid():N}"[..12];

    private static async Task CreateStandardAsync(
        HttpClient client, string name, string metric, string comparator, decimal target, decimal? warning, string[]? branches = null)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/v1/standards/service-standards",
            new { name, metric, comparator, target, warningThreshold = warning, branches = branches ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> RegisterStaffAsync(HttpClient client, string code, string branch)
    {
        using var response = await IdempotentRequest.PostAsync(client, "/api/v1/standards/staff", Guid.NewGuid().ToString(), new { code, name = "Staff " + code, branch });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PublishPolicyAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/standards/policies", new
        {
            area = "greeting-and-presentation",
            title = "Greeting",
            body = "Smile.",
            clauses = new object[] { new { key = "greet", text = "We greet every customer.", @public = true } },
            effectiveDate = "2026-01-01",
            owner = "Operations manager",
            reviewDueDate = "2099-01-01",
            branches = Array.Empty<string>(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
        using var published = await client.PostAsync(new Uri($"/api/v1/standards/policies/{policyId}/versions/1/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return policyId;
    }

    private static SurveyInvitationCreated Invitation(Guid tenantId, string branch, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        InvitationId = Guid.NewGuid(),
        SurveyId = Guid.NewGuid(),
        SurveyVersion = 1,
        CustomerId = Guid.NewGuid(),
        Branch = branch,
        Channel = "email",
        Language = "en",
        Reason = "purchase",
        Url = "https://example.test/s/abc",
        ExpiresAt = at.AddDays(14),
        OccurredAt = at,
    };

    private static PurchaseRecorded Purchase(Guid tenantId, string branch, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        PurchaseId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        Branch = branch,
        Amount = 40m,
        Currency = "NZD",
        OccurredAt = at,
    };

    private static ComplaintReceived Complaint(Guid tenantId, string branch, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        ComplaintId = Guid.NewGuid(),
        Branch = branch,
        Category = "service",
        Severity = "medium",
        Status = "received",
        OccurredAt = at,
    };

    private static CompensationApproved Compensation(Guid tenantId, string branch, DateTimeOffset at, decimal? amount) => new()
    {
        TenantId = tenantId,
        ComplaintId = Guid.NewGuid(),
        CompensationId = Guid.NewGuid(),
        Branch = branch,
        Type = "refund",
        Amount = amount,
        Currency = "NZD",
        ApprovedByRole = "supervisor",
        OccurredAt = at,
    };

    private static InteractionRecorded Interaction(Guid tenantId, string branch, DateTimeOffset? followUpDueAt) => new()
    {
        TenantId = tenantId,
        InteractionId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        Branch = branch,
        Channel = "phone",
        Purpose = "enquiry",
        Topics = [],
        FollowUpDueAt = followUpDueAt,
        OccurredAt = March,
    };

    private static FollowUpCompleted Completion(InteractionRecorded interaction, DateTimeOffset at) => new()
    {
        TenantId = interaction.TenantId,
        InteractionId = interaction.InteractionId,
        CustomerId = interaction.CustomerId,
        Branch = interaction.Branch,
        FollowUpDueAt = interaction.FollowUpDueAt!.Value,
        CompletedBy = "staff-1",
        OccurredAt = at,
    };
}
