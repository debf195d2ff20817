using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ReviewsServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Review actions: opened from a closed period's failings, their suggestions, changes, outcomes and communication.</summary>
[Trait("Category", "Integration")]
public sealed class ReviewsTests(ReviewsServiceFixture fixture) : IClassFixture<ReviewsServiceFixture>
{
    [Fact]
    public async Task PeriodClosed_OpensOneReviewPerFailing_WithItsFacts_AndRedeliveryOpensNothingTwice()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var standardId = Guid.NewGuid();
        var complaint = Guid.NewGuid();
        var closed = ClosedLongAgo(
            tenantId,
            Result("north", standardId, breached: [complaint]),
            Result("south", standardId, actual: null),
            Result("central", standardId, failed: false));
        var messageId = Guid.NewGuid();

        await fixture.CloseAsync(closed, messageId);
        await fixture.PublishAsync(closed, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2, queue: ClosedQueue);
        await fixture.CloseAsync(closed);

        var reviews = await fixture.ListAsync(client);
        Assert.Equal(["north", "south"], reviews.Select(review => review.GetProperty("branch").GetString()).Order());
        var north = reviews.Single(review => review.GetProperty("branch").GetString() == "north");
        var (read, etag) = await GetAsync(client, north.GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.Equal(closed.PeriodId, read.GetProperty("periodId").GetGuid());
        Assert.Equal("2026-01-01", read.GetProperty("periodStart").GetString());
        Assert.Equal("2026-02-01", read.GetProperty("periodEnd").GetString());
        Assert.Equal(standardId, read.GetProperty("standardId").GetGuid());
        Assert.Equal(3, read.GetProperty("standardVersion").GetInt32());
        Assert.Equal("nps", read.GetProperty("metric").GetString());
        Assert.Equal(22.5m, read.GetProperty("actual").GetDecimal());
        Assert.Equal(40m, read.GetProperty("target").GetDecimal());
        Assert.Equal([complaint], read.GetProperty("breachedComplaintIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("owner").ValueKind);
        Assert.Equal("2026-02-15", read.GetProperty("dueOn").GetString());
        Assert.True(read.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("communication").ValueKind);
        Assert.Empty(read.GetProperty("suggestions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, reviews.Single(review => review.GetProperty("branch").GetString() == "south").GetProperty("actual").ValueKind);
    }

    [Fact]
    public async Task Review_ShowsTheStaffSuggestionsOfItsBranchInItsPeriod_Only()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var inPeriod = Suggestion(tenantId, "north", new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), tags: ["queue", "staffing"]);
        var again = inPeriod with { };

        await fixture.SuggestAsync(
            inPeriod,
            again,
            Suggestion(tenantId, "north", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            Suggestion(tenantId, "south", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)),
            Suggestion(tenantId, "north", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), from: "customer"),
            Suggestion(tenantId, "north", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), kind: "complaint"),
            Suggestion(Guid.NewGuid(), "north", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));

        var review = Assert.Single(await fixture.ListAsync(client));
        var suggestion = Assert.Single(review.GetProperty("suggestions").EnumerateArray());
        Assert.Equal(inPeriod.FeedbackId, suggestion.GetProperty("feedbackId").GetGuid());
        Assert.Equal(inPeriod.OccurredAt, suggestion.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(["queue", "staffing"], suggestion.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.False(suggestion.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task PatchReview_NeedsIfMatch_ChangesOwnerDueOnAndNotes_AndAStaleETagIs412()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));
        var id = Assert.Single(await fixture.ListAsync(client)).GetProperty("id").GetGuid();
        var (_, etag) = await GetAsync(client, id);
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var missing = await SendAsync(client, HttpMethod.Patch, $"{ReviewsPath}/{id}", null, new { owner = "Kim" });
        using var patched = await SendAsync(client, HttpMethod.Patch, $"{ReviewsPath}/{id}", etag, new { owner = "Kim", dueOn, notes = "Short-staffed on Mondays." });
        using var stale = await SendAsync(client, HttpMethod.Patch, $"{ReviewsPath}/{id}", etag, new { owner = "Lee" });
        using var tooLong = await SendAsync(client, HttpMethod.Patch, $"{ReviewsPath}/{id}", "*", new { owner = new string('x', 201) });
        using var notesOnly = await SendAsync(client, HttpMethod.Patch, $"{ReviewsPath}/{id}", patched.Headers.ETag!.ToString(), new { notes = "Rota changed." });

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.NotEqual(etag, patched.Headers.ETag!.ToString());
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Kim", body.GetProperty("owner").GetString());
        Assert.Equal(dueOn, body.GetProperty("dueOn").GetString());
        Assert.False(body.GetProperty("overdue").GetBoolean());
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(tooLong, HttpStatusCode.BadRequest, "validation"), "owner");
        Assert.Equal(HttpStatusCode.OK, notesOnly.StatusCode);
        var (read, _) = await GetAsync(client, id);
        Assert.Equal("Kim", read.GetProperty("owner").GetString());
        Assert.Equal("Rota changed.", read.GetProperty("notes").GetString());
        Assert.Equal(dueOn, read.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Outcome_NoChange_ClosesTheReview_AndASecondOutcomeIs409()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));
        var id = Assert.Single(await fixture.ListAsync(client)).GetProperty("id").GetGuid();
        var (_, etag) = await GetAsync(client, id);

        using var missing = await SendAsync(client, HttpMethod.Post, $"{ReviewsPath}/{id}/outcome", null, new { kind = "noChange", reason = "A one-off." });
        using var mixed = await SendAsync(client, HttpMethod.Post, $"{ReviewsPath}/{id}/outcome", etag, new { kind = "noChange", policyId = Guid.NewGuid() });
        using var decided = await SendAsync(client, HttpMethod.Post, $"{ReviewsPath}/{id}/outcome", etag, new { kind = "noChange", reason = "A one-off: the branch was closed for a week." });
        using var again = await DecideAsync(client, id, new { kind = "noChange", reason = "Again." });

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        var shape = await ProblemResponse.ReadAsync(mixed, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(shape, "reason");
        ProblemResponse.ErrorsFor(shape, "policyId");
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("overdue").GetBoolean());
        var outcome = body.GetProperty("outcome");
        Assert.Equal("noChange", outcome.GetProperty("kind").GetString());
        Assert.Equal("A one-off: the branch was closed for a week.", outcome.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("policyId").ValueKind);
        Assert.True(outcome.TryGetProperty("recordedAt", out _));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("communication").ValueKind);
        await ProblemResponse.ReadAsync(again, HttpStatusCode.Conflict, "review-outcome-recorded");
    }

    [Fact]
    public async Task Outcome_StandardChange_IsCommunicatedAtOnce_AndAnUnknownVersionIs422()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (standardId, standardETag) = await ServiceStandardsApiTests.CreateAsync(client, ServiceStandardsApiTests.Nps(target: 40));
        using (var lowered = await ServiceStandardsApiTests.PutAsync(client, standardId, standardETag, ServiceStandardsApiTests.Nps(target: 30)))
        {
            Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        }

        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north", standardId)));
        var id = Assert.Single(await fixture.ListAsync(client)).GetProperty("id").GetGuid();

        using var unknownVersion = await DecideAsync(client, id, new { kind = "standardChange", standardId, standardVersion = 9 });
        using var unknownStandard = await DecideAsync(client, id, new { kind = "standardChange", standardId = Guid.NewGuid(), standardVersion = 2 });
        using var decided = await DecideAsync(client, id, new { kind = "standardChange", standardId, standardVersion = 2 });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unknownVersion, HttpStatusCode.UnprocessableEntity, "review-outcome-not-found"), "standardVersion");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unknownStandard, HttpStatusCode.UnprocessableEntity, "review-outcome-not-found"), "standardId");
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("communicated", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("outcome").GetProperty("standardVersion").GetInt32());
        var communication = body.GetProperty("communication");
        Assert.Equal(0, communication.GetProperty("tasks").GetInt32());
        Assert.Equal(body.GetProperty("outcome").GetProperty("recordedAt").GetDateTimeOffset(), communication.GetProperty("communicatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Outcome_PolicyVersion_IsChangedUntilEveryStaffMemberOfTheBranchAcknowledges_ThenCommunicated()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var north1 = await TestPolicies.RegisterStaffAsync(client, "N1", "north");
        var north2 = await TestPolicies.RegisterStaffAsync(client, "N2", "north");
        var south1 = await TestPolicies.RegisterStaffAsync(client, "S1", "south");
        var policyId = await TestPolicies.CreateAsync(client);
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));
        var id = Assert.Single(await fixture.ListAsync(client)).GetProperty("id").GetGuid();

        using var draft = await DecideAsync(client, id, new { kind = "policyVersion", policyId, policyVersion = 1 });
        using var unknownPolicy = await DecideAsync(client, id, new { kind = "policyVersion", policyId = Guid.NewGuid(), policyVersion = 1 });
        await TestPolicies.PublishAsync(client, policyId);
        using var unknownVersion = await DecideAsync(client, id, new { kind = "policyVersion", policyId, policyVersion = 2 });
        using var decided = await DecideAsync(client, id, new { kind = "policyVersion", policyId, policyVersion = 1 });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(draft, HttpStatusCode.UnprocessableEntity, "review-outcome-not-found"), "policyVersion");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unknownPolicy, HttpStatusCode.UnprocessableEntity, "review-outcome-not-found"), "policyId");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(unknownVersion, HttpStatusCode.UnprocessableEntity, "review-outcome-not-found"), "policyVersion");
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("changed", body.GetProperty("status").GetString());
        Assert.Equal(policyId, body.GetProperty("outcome").GetProperty("policyId").GetGuid());
        Assert.Equal((2, 0), Tasks(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("communication").GetProperty("communicatedAt").ValueKind);

        await TestPolicies.AcknowledgeAsync(client, policyId, 1, north1);
        await TestPolicies.AcknowledgeAsync(client, policyId, 1, south1);
        var (halfway, halfwayETag) = await GetAsync(client, id);
        Assert.Equal("changed", halfway.GetProperty("status").GetString());
        Assert.Equal((2, 1), Tasks(halfway));

        await TestPolicies.AcknowledgeAsync(client, policyId, 1, north2);
        var (done, doneETag) = await GetAsync(client, id);
        Assert.Equal("communicated", done.GetProperty("status").GetString());
        Assert.Equal((2, 2), Tasks(done));
        Assert.Equal(JsonValueKind.String, done.GetProperty("communication").GetProperty("communicatedAt").ValueKind);
        Assert.NotEqual(halfwayETag, doneETag);
    }

    [Fact]
    public async Task Outcome_PolicyVersionThatAskedNobodyInTheBranch_IsCommunicatedAtOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await TestPolicies.RegisterStaffAsync(client, "S1", "south");
        var policyId = await TestPolicies.CreateAsync(client, branches: ["south"]);
        await TestPolicies.PublishAsync(client, policyId);
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));
        var id = Assert.Single(await fixture.ListAsync(client)).GetProperty("id").GetGuid();

        using var decided = await DecideAsync(client, id, new { kind = "policyVersion", policyId, policyVersion = 1 });

        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("communicated", body.GetProperty("status").GetString());
        Assert.Equal((0, 0), Tasks(body));
    }

    [Fact]
    public async Task ListReviews_FiltersByOverdueStatusAndBranch_AndPagesByCursor()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north"), Result("south")));
        await fixture.CloseAsync(ClosedToday(tenantId, Result("north")));
        var all = await fixture.ListAsync(client);
        var decidedId = all.Single(review => review.GetProperty("branch").GetString() == "south").GetProperty("id").GetGuid();
        using (var decided = await DecideAsync(client, decidedId, new { kind = "noChange", reason = "Seasonal." }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var overdue = await fixture.ListAsync(client, "overdue=true");
        var notOverdue = await fixture.ListAsync(client, "overdue=false");
        var open = await fixture.ListAsync(client, "status=open&branch=north");
        var closed = await fixture.ListAsync(client, "status=closed");
        using var firstPage = await client.GetAsync(new Uri($"{ReviewsPath}?limit=2", UriKind.Relative));
        var first = await firstPage.Content.ReadFromJsonAsync<JsonElement>();
        var rest = await fixture.ListAsync(client, $"limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        using var bad = await client.GetAsync(new Uri($"{ReviewsPath}?overdue=maybe&status=lost&limit=0", UriKind.Relative));

        var overdueReview = Assert.Single(overdue);
        Assert.Equal("north", overdueReview.GetProperty("branch").GetString());
        Assert.Equal("2026-01-01", overdueReview.GetProperty("periodStart").GetString());
        Assert.Equal(2, notOverdue.Count);
        Assert.Equal(2, open.Count);
        Assert.Equal(decidedId, Assert.Single(closed).GetProperty("id").GetGuid());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(rest);
        Assert.Equal(
            all.Select(review => review.GetProperty("id").GetGuid()),
            first.GetProperty("items").EnumerateArray().Concat(rest).Select(review => review.GetProperty("id").GetGuid()));
        var problem = await ProblemResponse.ReadAsync(bad, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "overdue");
        ProblemResponse.ErrorsFor(problem, "status");
        ProblemResponse.ErrorsFor(problem, "limit");
    }

    [Fact]
    public async Task Reviews_OfAnotherBusiness_AreNotFoundNotListedAndCannotChange()
    {
        var tenantId = Guid.NewGuid();
        using var owner = fixture.Service.CreateTenantClient(tenantId);
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north")));
        var id = Assert.Single(await fixture.ListAsync(owner)).GetProperty("id").GetGuid();

        using var read = await other.GetAsync(new Uri($"{ReviewsPath}/{id}", UriKind.Relative));
        using var patch = await SendAsync(other, HttpMethod.Patch, $"{ReviewsPath}/{id}", "*", new { owner = "Intruder" });
        using var outcome = await SendAsync(other, HttpMethod.Post, $"{ReviewsPath}/{id}/outcome", "*", new { kind = "noChange", reason = "Mine now." });
        var list = await fixture.ListAsync(other);

        await ProblemResponse.ReadAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(patch, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(outcome, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(list);
        var (review, _) = await GetAsync(owner, id);
        Assert.Equal("open", review.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, review.GetProperty("owner").ValueKind);
    }

    [Fact]
    public async Task OverdueGauge_CountsTheBusinesssOverdueReviews_AndOneFewerOnceOneIsDecided()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var overdue = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == "CustomerPlatform.Standards" && instrument.Name == "customer_platform.standards.reviews_overdue")
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
        await fixture.CloseAsync(ClosedLongAgo(tenantId, Result("north"), Result("south")));
        await fixture.CloseAsync(ClosedToday(tenantId, Result("north")));

        await GaugeShowsAsync(listener, overdue, tenantId, 2);
        var north = (await fixture.ListAsync(client, "overdue=true&branch=north")).Single().GetProperty("id").GetGuid();
        using (var decided = await DecideAsync(client, north, new { kind = "noChange", reason = "Seasonal." }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        await GaugeShowsAsync(listener, overdue, tenantId, 1);
    }

    private static (int Tasks, int Acknowledged) Tasks(JsonElement review)
    {
        var communication = review.GetProperty("communication");
        return (communication.GetProperty("tasks").GetInt32(), communication.GetProperty("acknowledged").GetInt32());
    }

    private static Task GaugeShowsAsync(MeterListener listener, ConcurrentDictionary<string, long> overdue, Guid tenantId, long expected) =>
        Eventually.AssertAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(overdue.TryGetValue(tenantId.ToString(), out var value) && value == expected);
            },
            $"the overdue reviews gauge should show {expected} for the business");
}
