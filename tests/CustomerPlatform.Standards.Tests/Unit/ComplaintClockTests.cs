using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Standards.Domain.Complaints;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class ComplaintClockTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly BusinessCalendar AlwaysOpen = BusinessCalendar.AlwaysOpen;

    [Fact]
    public void AcknowledgementSteps_InAnyOrder_KeepTheEarliest()
    {
        var clock = Clock();

        clock.Acknowledge(Opened.AddMinutes(30));
        clock.Acknowledge(Opened.AddMinutes(10));
        clock.Acknowledge(Opened.AddMinutes(20));

        Assert.Equal(Opened.AddMinutes(10), clock.AcknowledgedAt);
    }

    [Fact]
    public void WaitThenResume_PausesTheResolutionTime_AndARepeatedResumeCountsOnce()
    {
        var clock = Clock();
        clock.Receive(Opened);

        clock.StartWaiting(Opened.AddMinutes(60), AlwaysOpen);
        var paused = clock.Resume(Opened.AddMinutes(60), Opened.AddMinutes(90), AlwaysOpen);
        var repeated = clock.Resume(Opened.AddMinutes(60), Opened.AddMinutes(90), AlwaysOpen);

        Assert.Equal(TimeSpan.FromMinutes(30), paused);
        Assert.Equal(TimeSpan.Zero, repeated);
        Assert.False(clock.IsWaiting);
        Assert.Equal(TimeSpan.FromMinutes(90), clock.ResolutionTime(Opened.AddMinutes(120), AlwaysOpen));
    }

    [Fact]
    public void ResumeArrivingBeforeItsWait_CountsThePause_AndTheLateWaitDoesNotPauseAgain()
    {
        var clock = Clock();
        clock.Receive(Opened);

        clock.Resume(Opened.AddMinutes(60), Opened.AddMinutes(90), AlwaysOpen);
        clock.StartWaiting(Opened.AddMinutes(60), AlwaysOpen);

        Assert.False(clock.IsWaiting);
        Assert.Equal(TimeSpan.FromMinutes(30), clock.PausedBeforeFirstResolution);
    }

    [Fact]
    public void ResolutionArrivingBeforeTheWaitItEnded_EndsTheWaitThere()
    {
        var clock = Clock();
        clock.Receive(Opened);

        clock.Resolve(Opened.AddMinutes(100), AlwaysOpen);
        clock.StartWaiting(Opened.AddMinutes(40), AlwaysOpen);

        Assert.False(clock.IsWaiting);
        Assert.Equal(TimeSpan.FromMinutes(40), clock.ResolutionTime(Opened.AddDays(1), AlwaysOpen));
    }

    [Fact]
    public void Reopen_StartsANewClock_AndAnEarlierResolutionArrivingLateStaysTheFirstOne()
    {
        var clock = Clock();
        clock.Receive(Opened);

        Assert.True(clock.Reopen(Opened.AddHours(5)));
        clock.Resolve(Opened.AddHours(2), AlwaysOpen);
        Assert.False(clock.Reopen(Opened.AddHours(5)));
        clock.Resolve(Opened.AddHours(6), AlwaysOpen);

        Assert.Equal(Opened.AddHours(2), clock.FirstResolvedAt);
        Assert.Equal(Opened.AddHours(6), clock.ReopenedResolvedAt);
    }

    private static ComplaintClock Clock() => ComplaintClock.Start(Guid.NewGuid(), Guid.NewGuid(), "north", Opened);
}
