using CustomerPlatform.Contracts.Branches;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Standards keeps the newest snapshot of every branch from the gateway's events, in whatever order they come.</summary>
[Trait("Category", "Integration")]
public sealed class BranchDirectoryTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    [Fact]
    public async Task RegisteredThenUpdated_KeepsTheUpdatedBranch()
    {
        var tenantId = Guid.NewGuid();

        await DeliverAsync(Registered(tenantId, "north", "North", revision: 1));
        await DeliverAsync(Updated(tenantId, "north", "North Street", revision: 2));

        Assert.Equal(("North Street", 2, false), await ReadAsync(tenantId, "north"));
        Assert.Equal(
            """[{"day": "monday", "opens": "09:00:00", "closes": "17:30:00"}]""",
            await fixture.Database.ScalarAsync<string>(
                "SELECT opening_hours::text FROM branches WHERE tenant_id = @tenant AND code = 'north'", ("tenant", tenantId)));
    }

    [Fact]
    public async Task UpdateOvertakingItsRegistration_IsNotUndoneByTheLateRegistration()
    {
        var tenantId = Guid.NewGuid();

        await DeliverAsync(Updated(tenantId, "north", "North Street", revision: 2));
        await DeliverAsync(Registered(tenantId, "north", "North", revision: 1));

        Assert.Equal(("North Street", 2, false), await ReadAsync(tenantId, "north"));
    }

    [Fact]
    public async Task CloseOvertakingItsRegistration_StaysClosedAndTakesTheDetails()
    {
        var tenantId = Guid.NewGuid();

        await DeliverAsync(new BranchClosed { TenantId = tenantId, Code = "north", Revision = 2, OccurredAt = DateTimeOffset.UtcNow });
        await DeliverAsync(Registered(tenantId, "north", "North", revision: 1));

        Assert.Equal(("North", 1, true), await ReadAsync(tenantId, "north"));
    }

    [Fact]
    public async Task EventsOfOneBranchHandledAtTheSameMoment_ApplyInTurnWithoutAFailedAttempt()
    {
        var tenantId = Guid.NewGuid();
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        await Task.WhenAll(
            fixture.PublishAsync(Registered(tenantId, "north", "North", revision: 1), ids[0]),
            fixture.PublishAsync(Updated(tenantId, "north", "North Street", revision: 2), ids[1]),
            fixture.PublishAsync(new BranchClosed { TenantId = tenantId, Code = "north", Revision = 3, OccurredAt = DateTimeOffset.UtcNow }, ids[2]));
        foreach (var id in ids)
        {
            await fixture.WaitUntilConsumedAsync(id);
        }

        Assert.Equal(("North Street", 2, true), await ReadAsync(tenantId, "north"));
        Assert.All(ids, id => Assert.Equal(0, fixture.Consumed.TimesRetried(id)));
    }

    [Fact]
    public async Task SameCodeInTwoBusinesses_AreKeptApart()
    {
        var tenantId = Guid.NewGuid();
        var otherTenantId = Guid.NewGuid();

        await DeliverAsync(Registered(tenantId, "north", "Ours", revision: 1));
        await DeliverAsync(Registered(otherTenantId, "north", "Theirs", revision: 1));
        await DeliverAsync(new BranchClosed { TenantId = otherTenantId, Code = "north", Revision = 2, OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal(("Ours", 1, false), await ReadAsync(tenantId, "north"));
        Assert.Equal(("Theirs", 1, true), await ReadAsync(otherTenantId, "north"));
    }

    private async Task DeliverAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(message, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private async Task<(string? Name, int Revision, bool Closed)> ReadAsync(Guid tenantId, string code)
    {
        (string, object?)[] key = [("tenant", tenantId), ("code", code)];
        return (
            await fixture.Database.ScalarAsync<string>("SELECT name FROM branches WHERE tenant_id = @tenant AND code = @code", key),
            await fixture.Database.ScalarAsync<int>("SELECT revision FROM branches WHERE tenant_id = @tenant AND code = @code", key),
            await fixture.Database.ScalarAsync<bool>("SELECT closed_at IS NOT NULL FROM branches WHERE tenant_id = @tenant AND code = @code", key));
    }

    private static BranchRegistered Registered(Guid tenantId, string code, string name, int revision) => new()
    {
        TenantId = tenantId,
        Code = code,
        Name = name,
        TimeZone = "Europe/London",
        OpeningHours = [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30))],
        Holidays = [new Holiday(new DateOnly(2026, 12, 25), "Christmas Day")],
        Revision = revision,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static BranchUpdated Updated(Guid tenantId, string code, string name, int revision) => new()
    {
        TenantId = tenantId,
        Code = code,
        Name = name,
        TimeZone = "Europe/London",
        OpeningHours = [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30))],
        Holidays = [],
        Changed = ["name"],
        Revision = revision,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
