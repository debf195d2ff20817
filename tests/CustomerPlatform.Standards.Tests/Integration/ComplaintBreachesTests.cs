using System.Net;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Domain.Scorecards;
using CustomerPlatform.Standards.Features.Scorecards;
using CustomerPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.BreachesServiceFixture;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Complaint clocks kept from Feedback's events, deadlines per standard, live warnings and breaches, the measures.</summary>
[Trait("Category", "Integration")]
public sealed class ComplaintBreachesTests(BreachesServiceFixture fixture) : IClassFixture<BreachesServiceFixture>
{
    private const string Acknowledgement = "complaint-acknowledgement-time";
    private const string Resolution = "complaint-resolution-time";
    private const string AtRiskExchange = "standards.standard-at-risk.v1";
    private const string BreachedExchange = "standards.standard-breached.v1";

    [Fact]
    public async Task ComplaintNotAcknowledged_WarnsAtTheWarningTime_ThenBreachesAtTheDueTime_EachOnce()
    {
        await using var atRisk = await EventProbe.BindAsync(fixture.Broker.ConnectionString, AtRiskExchange);
        await using var breached = await EventProbe.BindAsync(fixture.Broker.ConnectionString, BreachedExchange);
        var tenantId = Guid.NewGuid();
        var standardId = await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 60, warning: 30);
        var complaintId = Guid.NewGuid();
        // Opened so long ago that the warning has passed and the due time is a few seconds away.
        var receivedAt = DateTimeOffset.UtcNow.AddMinutes(-60).AddSeconds(4);

        await fixture.PublishInOrderAsync(Received(tenantId, complaintId, "anywhere", receivedAt));

        var warning = await atRisk.WaitForAsync(e => e.GetGuid("complaintId") == complaintId, "the warning should be published");
        var breach = await breached.WaitForAsync(e => e.GetGuid("complaintId") == complaintId, "the breach should be published");
        Assert.Equal(standardId, warning.GetGuid("standardId"));
        Assert.Equal("acknowledgement", warning.GetString("clock"));
        Assert.True(warning.Message.GetProperty("occurredAt").GetDateTimeOffset() < breach.Message.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(standardId, breach.GetGuid("standardId"));
        Assert.Equal(1, breach.Message.GetProperty("standardVersion").GetInt32());
        Assert.Equal(Acknowledgement, breach.GetString("metric"));
        Assert.Equal("anywhere", breach.GetString("branch"));
        Assert.Equal(receivedAt.AddMinutes(60).UtcDateTime, breach.Message.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.True(breach.Message.GetProperty("occurredAt").GetDateTimeOffset() >= receivedAt.AddMinutes(60));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var listed = await fixture.ListBreachesAsync(tenantId);
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(complaintId, item.GetProperty("complaintId").GetGuid());
        var deadline = Assert.Single(await fixture.DeadlinesAsync(tenantId, complaintId));
        Assert.NotNull(deadline.WarnedAt);
        Assert.NotNull(deadline.BreachedAt);
        Assert.Null(deadline.NextCheckAt);
    }

    [Fact]
    public async Task ComplaintOpened_SetsOneDeadlinePerStandardThatAppliesToIt_OnTheBranchBusinessHours()
    {
        var tenantId = Guid.NewGuid();
        var branch = new BranchRegistered
        {
            TenantId = tenantId, Code = "north", Name = "North", TimeZone = "Europe/London",
            OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningPeriod(day, new TimeOnly(10, 0), new TimeOnly(12, 0)))],
            Holidays = [], Revision = 1, OccurredAt = DateTimeOffset.UtcNow,
        };
        var branchMessage = Guid.NewGuid();
        await fixture.PublishAsync(branch, branchMessage);
        await fixture.WaitUntilConsumedAsync(branchMessage);
        var acknowledge = await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 90, warning: 60);
        var resolve = await fixture.CreateStandardAsync(tenantId, Resolution, target: 600, branches: ["north"]);
        await fixture.CreateStandardAsync(tenantId, Resolution, target: 300, branches: ["south"]);
        await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 30, severity: "critical");
        var complaintId = Guid.NewGuid();
        var receivedAt = DateTimeOffset.UtcNow.AddDays(2);

        await fixture.PublishInOrderAsync(Received(tenantId, complaintId, "north", receivedAt, severity: "high"));

        var calendar = BusinessCalendar.Of(branch);
        var deadlines = await fixture.DeadlinesAsync(tenantId, complaintId);
        Assert.Equal(2, deadlines.Count);
        var acknowledgement = Assert.Single(deadlines, deadline => deadline.Clock == ComplaintClockKind.Acknowledgement);
        Assert.Equal(acknowledge, acknowledgement.StandardId);
        Assert.Equal(1, acknowledgement.StandardVersion);
        Assert.Equal(calendar.Add(receivedAt, TimeSpan.FromMinutes(90)), acknowledgement.DueAt);
        Assert.Equal(calendar.Add(receivedAt, TimeSpan.FromMinutes(60)), acknowledgement.WarnAt);
        var resolution = Assert.Single(deadlines, deadline => deadline.Clock == ComplaintClockKind.Resolution);
        Assert.Equal(resolve, resolution.StandardId);
        Assert.Equal(calendar.Add(receivedAt, TimeSpan.FromMinutes(600)), resolution.DueAt);
        Assert.Null(resolution.WarnAt);
    }

    [Fact]
    public async Task WaitingOnTheCustomer_MovesTheResolutionDeadlineByThePause_AndAPausedDeadlineNeverFires()
    {
        var tenantId = Guid.NewGuid();
        await fixture.CreateStandardAsync(tenantId, Resolution, target: 60);
        var now = DateTimeOffset.UtcNow;
        var resumedCase = Guid.NewGuid();
        var pausedCase = Guid.NewGuid();

        // The paused case's wait is published before its opening: published after, the worker could find the
        // deadline due (two hours in the past) before the wait arrives, as it would in production.
        await fixture.PublishInOrderAsync(
            Received(tenantId, resumedCase, "anywhere", now.AddMinutes(-50)),
            Acknowledged(tenantId, resumedCase, "anywhere", now.AddMinutes(-49)),
            Waiting(tenantId, resumedCase, "anywhere", now.AddMinutes(-45)),
            Resumed(tenantId, resumedCase, "anywhere", now.AddMinutes(-45), now.AddMinutes(-15)),
            Acknowledged(tenantId, pausedCase, "anywhere", now.AddMinutes(-119)),
            Waiting(tenantId, pausedCase, "anywhere", now.AddMinutes(-100)),
            Received(tenantId, pausedCase, "anywhere", now.AddHours(-2)));
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        var moved = Assert.Single(await fixture.DeadlinesAsync(tenantId, resumedCase));
        Assert.Equal(now.AddMinutes(-50 + 60 + 30).UtcDateTime, moved.DueAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Null(moved.BreachedAt);
        var paused = Assert.Single(await fixture.DeadlinesAsync(tenantId, pausedCase));
        Assert.True(paused.DueAt < DateTimeOffset.UtcNow, "the paused deadline's due time has passed");
        Assert.Null(paused.BreachedAt);
        Assert.Empty((await fixture.ListBreachesAsync(tenantId)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EventsOutOfOrder_EachSetTheirOwnFacts_ALateResolutionIsABreachAndAnInTimeAcknowledgementIsNot()
    {
        await using var breached = await EventProbe.BindAsync(fixture.Broker.ConnectionString, BreachedExchange);
        var tenantId = Guid.NewGuid();
        var acknowledge = await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 60);
        var resolve = await fixture.CreateStandardAsync(tenantId, Resolution, target: 120);
        var complaintId = Guid.NewGuid();
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-5);

        // Resolved four hours in (late), acknowledged ten minutes in (in time): both arrive before the opening.
        await fixture.PublishInOrderAsync(
            Resolved(tenantId, complaintId, "anywhere", receivedAt.AddHours(4)),
            Acknowledged(tenantId, complaintId, "anywhere", receivedAt.AddMinutes(10)),
            Received(tenantId, complaintId, "anywhere", receivedAt));

        var breach = await breached.WaitForAsync(e => e.GetGuid("complaintId") == complaintId, "the late resolution should be a breach");
        Assert.Equal(resolve, breach.GetGuid("standardId"));
        Assert.Equal("resolution", breach.GetString("clock"));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var deadlines = await fixture.DeadlinesAsync(tenantId, complaintId);
        var acknowledgement = Assert.Single(deadlines, deadline => deadline.StandardId == acknowledge);
        Assert.Equal(receivedAt.AddMinutes(10).UtcDateTime, acknowledgement.DoneAt!.Value.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Null(acknowledgement.BreachedAt);
        var resolution = Assert.Single(deadlines, deadline => deadline.StandardId == resolve);
        Assert.Equal(receivedAt.AddHours(4).UtcDateTime, resolution.DoneAt!.Value.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Single((await fixture.ListBreachesAsync(tenantId)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Scorecards_MeasureTheLongestComplaintTimes_AndNameTheBreachingComplaints()
    {
        var tenantId = Guid.NewGuid();
        var acknowledge = await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 60, branches: ["east"]);
        var resolve = await fixture.CreateStandardAsync(tenantId, Resolution, target: 600, branches: ["east"], severity: "high");
        var now = DateTimeOffset.UtcNow;
        var quick = Guid.NewGuid();
        var slow = Guid.NewGuid();
        // The quick case's steps before its opening, so the worker never sees its clocks running past due.
        await fixture.PublishInOrderAsync(
            Acknowledged(tenantId, quick, "east", now.AddHours(-3).AddMinutes(10), severity: "high"),
            Waiting(tenantId, quick, "east", now.AddHours(-2)),
            Resumed(tenantId, quick, "east", now.AddHours(-2), now.AddHours(-1)),
            Received(tenantId, quick, "east", now.AddHours(-3), severity: "high"),
            Received(tenantId, slow, "east", now.AddHours(-2)));
        await Eventually.AssertAsync(
            async () => (await fixture.ListBreachesAsync(tenantId)).GetProperty("items").GetArrayLength() == 1, "the unacknowledged complaint should breach");

        var lines = await MeasureAsync(tenantId, new MeasurementWindow(now.AddDays(-1), now.AddDays(1)), now);

        var acknowledgement = Assert.Single(lines, line => line.StandardId == acknowledge);
        Assert.Equal("east", acknowledgement.Branch);
        Assert.Equal(2, acknowledgement.SampleSize);
        Assert.InRange(acknowledgement.Actual!.Value, 119.9m, 120.1m);
        Assert.Equal(StandardOutcome.Breached, acknowledgement.Outcome);
        var failing = Assert.Single(acknowledgement.Failings);
        Assert.Equal(("complaint", slow), (failing.Kind, failing.Id));
        Assert.Contains("not done", failing.Detail, StringComparison.Ordinal);
        var resolution = Assert.Single(lines, line => line.StandardId == resolve);
        // Only the high-severity complaint, running three hours of which one was spent waiting on the customer.
        Assert.Equal(1, resolution.SampleSize);
        Assert.InRange(resolution.Actual!.Value, 119.9m, 120.1m);
        Assert.Equal(StandardOutcome.Met, resolution.Outcome);
    }

    [Fact]
    public async Task ListBreaches_PagesFiltersAndValidates_AndShowsNothingToAnotherBusiness()
    {
        var tenantId = Guid.NewGuid();
        var standardId = await fixture.CreateStandardAsync(tenantId, Acknowledgement, target: 5);
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1);
        await fixture.PublishInOrderAsync(
            Received(tenantId, Guid.NewGuid(), "west", receivedAt),
            Received(tenantId, Guid.NewGuid(), "west", receivedAt),
            Received(tenantId, Guid.NewGuid(), "south", receivedAt));
        await Eventually.AssertAsync(
            async () => (await fixture.ListBreachesAsync(tenantId)).GetProperty("items").GetArrayLength() == 3, "three breaches should be recorded");

        var first = await fixture.ListBreachesAsync(tenantId, "?limit=2");
        var second = await fixture.ListBreachesAsync(tenantId, $"?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var west = await fixture.ListBreachesAsync(tenantId, $"?branch=west&standardId={standardId}");
        var otherStandard = await fixture.ListBreachesAsync(tenantId, $"?standardId={Guid.NewGuid()}");
        var future = await fixture.ListBreachesAsync(tenantId, $"?from={DateTimeOffset.UtcNow.AddHours(1):O}".Replace("+", "%2B", StringComparison.Ordinal));
        var stranger = await fixture.ListBreachesAsync(Guid.NewGuid());
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var invalid = await client.GetAsync(new Uri($"{BreachesPath}?from=yesterday&standardId=42&limit=0", UriKind.Relative));

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.False(second.TryGetProperty("nextCursor", out var last) && last.ValueKind != System.Text.Json.JsonValueKind.Null, "the last page has no next cursor");
        Assert.Equal(3, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(2, west.GetProperty("items").GetArrayLength());
        Assert.Empty(otherStandard.GetProperty("items").EnumerateArray());
        Assert.Empty(future.GetProperty("items").EnumerateArray());
        Assert.Empty(stranger.GetProperty("items").EnumerateArray());
        var problem = await ProblemResponse.ReadAsync(invalid, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "from");
        ProblemResponse.ErrorsFor(problem, "standardId");
        ProblemResponse.ErrorsFor(problem, "limit");
    }

    private async Task<IReadOnlyList<StandardMeasurement>> MeasureAsync(Guid tenantId, MeasurementWindow window, DateTimeOffset now)
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return await scope.ServiceProvider.GetRequiredService<Scorecards>().MeasureAsync(tenantId, window, null, now, CancellationToken.None);
    }
}
