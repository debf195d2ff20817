using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

/// <summary>Due times on a branch's business hours: Monday to Friday, 09:00 to 17:00 UTC (23 November 2026 is a Monday).</summary>
public sealed class ComplaintDeadlinesTests
{
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly DateTimeOffset Monday9 = At(23, 9);

    [Fact]
    public void StartClocks_FridayAfternoon_AcknowledgeDueRunsOverTheWeekend()
    {
        var complaint = Receive(At(20, 16));

        complaint.StartClocks(ComplaintTargetSet.PlatformDefault(TenantId), Weekdays());

        Assert.Equal(At(23, 16), complaint.AcknowledgeDueAt);
        Assert.Equal(At(27, 16), complaint.ResolveDueAt);
        Assert.Equal(ComplaintClock.BranchHours, complaint.Clock);
        Assert.Equal(0, complaint.TargetsVersion);
        Assert.Equal(complaint.AcknowledgeDueAt, complaint.NextDueAt);
    }

    [Fact]
    public void StartClocks_OverAHoliday_SkipsTheHoliday()
    {
        var complaint = Receive(At(20, 16));

        complaint.StartClocks(ComplaintTargetSet.PlatformDefault(TenantId), Weekdays(new DateOnly(2026, 11, 23)));

        Assert.Equal(At(24, 16), complaint.AcknowledgeDueAt);
        Assert.Equal(At(30, 16), complaint.ResolveDueAt);
    }

    [Fact]
    public void StartClocks_WithoutACalendar_RunsRoundTheClock()
    {
        var complaint = Receive(At(20, 16));

        complaint.StartClocks(ComplaintTargetSet.PlatformDefault(TenantId), branchCalendar: null);

        Assert.Equal(ComplaintClock.AlwaysOpen, complaint.Clock);
        Assert.Equal(At(21, 0), complaint.AcknowledgeDueAt);
    }

    [Fact]
    public void StartClocks_SeverityWithItsOwnTarget_UsesItOthersTheDefault()
    {
        var targets = ComplaintTargetSet.SetByBusiness(
            ComplaintTargetSet.PlatformDefault(TenantId),
            [new ComplaintTarget(null, 480, 2400), new ComplaintTarget(ComplaintSeverity.Critical, 60, 480)],
            Monday9);
        var critical = Receive(Monday9, ComplaintSeverity.Critical);
        var low = Receive(Monday9, ComplaintSeverity.Low);

        critical.StartClocks(targets, Weekdays());
        low.StartClocks(targets, Weekdays());

        Assert.Equal((1, At(23, 10), At(23, 17)), (critical.TargetsVersion!.Value, critical.AcknowledgeDueAt, critical.ResolveDueAt));
        Assert.Equal((1, At(23, 17), At(27, 17)), (low.TargetsVersion!.Value, low.AcknowledgeDueAt, low.ResolveDueAt));
    }

    [Fact]
    public void Acknowledge_AfterItsDueTime_IsMissed()
    {
        var complaint = Opened();

        complaint.TransitionTo(ComplaintStatus.Acknowledged, null, null, null, At(24, 9, 30), Weekdays());

        Assert.Equal((At(24, 9, 30), false), (complaint.AcknowledgedAt, complaint.AcknowledgeMet));
        Assert.Equal(complaint.ResolveDueAt, complaint.NextDueAt);
    }

    [Fact]
    public void Acknowledge_BeforeItsDueTime_IsMet()
    {
        var complaint = Opened();

        complaint.TransitionTo(ComplaintStatus.Acknowledged, null, null, null, At(23, 12), Weekdays());

        Assert.True(complaint.AcknowledgeMet);
        Assert.False(complaint.IsOverdue(At(23, 18)));
    }

    [Fact]
    public void WaitThenResume_AcrossANight_MovesResolveDueByTheBusinessTimeWaited()
    {
        var complaint = Acknowledged();

        complaint.WaitOnCustomer(At(23, 16));
        var whileWaiting = (complaint.NextDueAt, complaint.IsOverdue(At(29, 0)));
        complaint.Resume(At(24, 10), Weekdays());

        // Waited Monday 16:00-17:00 and Tuesday 09:00-10:00: Friday 17:00 plus 2 business hours is Monday 11:00.
        Assert.Equal((null, false), whileWaiting);
        Assert.Equal(At(30, 11), complaint.ResolveDueAt);
        Assert.Equal(At(30, 11), complaint.NextDueAt);
        Assert.Equal(120, Assert.Single(complaint.Waits).PausedMinutes);
    }

    [Fact]
    public void Resolve_WhileWaiting_EndsTheWaitAndJudgesOnTheMovedDueTime()
    {
        var complaint = Acknowledged();
        complaint.TransitionTo(ComplaintStatus.Investigating, null, null, null, At(23, 11), Weekdays());
        complaint.WaitOnCustomer(At(27, 9));

        complaint.TransitionTo(ComplaintStatus.Resolved, null, null, null, At(30, 10), Weekdays());

        // Waited Friday 8 h and Monday 1 h: Friday 17:00 plus 9 business hours is Tuesday 10:00.
        Assert.Null(complaint.WaitingSince);
        Assert.Equal(At(30, 10), Assert.Single(complaint.Waits).EndedAt);
        Assert.Equal(At(1, 10, month: 12), complaint.ResolveDueAt);
        Assert.True(complaint.ResolveMet);
        Assert.Null(complaint.NextDueAt);
    }

    [Fact]
    public void Reopen_AfterAMissedResolution_KeepsTheFirstVerdictAndStartsANewClock()
    {
        var complaint = Acknowledged();
        complaint.TransitionTo(ComplaintStatus.Investigating, null, null, null, At(23, 11), Weekdays());
        complaint.TransitionTo(ComplaintStatus.Resolved, null, null, null, At(30, 9), Weekdays());

        complaint.TransitionTo(ComplaintStatus.Reopened, null, null, null, At(30, 12), Weekdays());

        Assert.False(complaint.FirstResolutionMet);
        Assert.Equal((null, null), (complaint.ResolvedAt, complaint.ResolveMet));
        Assert.Equal(At(7, 12, month: 12), complaint.ResolveDueAt);
    }

    [Fact]
    public void WaitOnCustomer_BeforeAcknowledging_Throws409()
    {
        var complaint = Opened();

        var refused = Assert.Throws<DomainException>(() => complaint.WaitOnCustomer(At(23, 10)));

        Assert.Equal(("cannot-wait-on-customer", DomainErrorKind.Conflict), (refused.Code, refused.Kind));
    }

    [Fact]
    public void Resume_WhenNotWaiting_Throws409()
    {
        var complaint = Acknowledged();

        var refused = Assert.Throws<DomainException>(() => complaint.Resume(At(23, 12), Weekdays()));

        Assert.Equal(("not-waiting", DomainErrorKind.Conflict), (refused.Code, refused.Kind));
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0, int month = 11) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static BusinessCalendar Weekdays(params DateOnly[] holidays) => new(
        "UTC",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new OpeningPeriod(day, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        [.. holidays.Select(date => new Holiday(date, "Closed"))]);

    private static Complaint Receive(DateTimeOffset at, ComplaintSeverity severity = ComplaintSeverity.Medium) =>
        Complaint.Receive(TenantId, null, "north", ComplaintChannel.Phone, "billing", severity, "Charged twice", null, at);

    /// <summary>Received Monday 09:00: acknowledge due Monday 17:00, resolve due Friday 17:00.</summary>
    private static Complaint Opened()
    {
        var complaint = Receive(Monday9);
        complaint.StartClocks(ComplaintTargetSet.PlatformDefault(TenantId), Weekdays());
        return complaint;
    }

    private static Complaint Acknowledged()
    {
        var complaint = Opened();
        complaint.TransitionTo(ComplaintStatus.Acknowledged, null, null, null, At(23, 10), Weekdays());
        return complaint;
    }
}
