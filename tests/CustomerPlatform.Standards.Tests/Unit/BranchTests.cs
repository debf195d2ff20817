using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Messaging.Branches;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Unit;

public sealed class BranchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();

    [Fact]
    public void Apply_FirstSnapshot_IsTaken()
    {
        var branch = Branch.Unknown(TenantId, "north");

        Assert.True(branch.Apply(Snapshot("North", 1)));

        Assert.Equal("North", branch.Name);
        Assert.Equal("Europe/London", branch.TimeZone);
        Assert.Equal(1, branch.Revision);
    }

    [Fact]
    public void Apply_NewerSnapshot_IsTaken()
    {
        var branch = Known(Snapshot("North", 1));

        Assert.True(branch.Apply(Snapshot("North Street", 2)));

        Assert.Equal("North Street", branch.Name);
        Assert.Equal(2, branch.Revision);
    }

    [Fact]
    public void Apply_SameOrOlderSnapshot_IsIgnored()
    {
        var branch = Known(Snapshot("North Street", 2));

        Assert.False(branch.Apply(Snapshot("North", 1)));
        Assert.False(branch.Apply(Snapshot("Again", 2)));

        Assert.Equal("North Street", branch.Name);
    }

    [Fact]
    public void Close_Twice_KeepsTheFirstClose()
    {
        var branch = Known(Snapshot("North", 1));

        Assert.True(branch.Close(Now));
        Assert.False(branch.Close(Now.AddDays(1)));

        Assert.Equal(Now, branch.ClosedAt);
    }

    [Fact]
    public void CloseBeforeAnySnapshot_StaysClosedAndTheLateSnapshotsStillApplyInOrder()
    {
        var branch = Branch.Unknown(TenantId, "north");
        branch.Close(Now);

        Assert.True(branch.Apply(Snapshot("North", 1)));
        Assert.True(branch.Apply(Snapshot("North Street", 2)));
        Assert.False(branch.Apply(Snapshot("North", 1)));

        Assert.Equal("North Street", branch.Name);
        Assert.Equal("Europe/London", branch.TimeZone);
        Assert.Equal(2, branch.Revision);
        Assert.Equal(Now, branch.ClosedAt);
    }

    private static Branch Known(IBranchSnapshot snapshot)
    {
        var branch = Branch.Unknown(TenantId, snapshot.Code);
        branch.Apply(snapshot);
        return branch;
    }

    private static BranchUpdated Snapshot(string name, int revision) => new()
    {
        TenantId = TenantId,
        Code = "north",
        Name = name,
        TimeZone = "Europe/London",
        OpeningHours = [],
        Holidays = [],
        Changed = ["name"],
        Revision = revision,
        OccurredAt = Now,
    };
}
