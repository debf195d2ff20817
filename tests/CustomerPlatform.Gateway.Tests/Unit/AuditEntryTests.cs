using CustomerPlatform.Gateway.Domain;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Unit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid First = Guid.Parse("0b7e8a52-4c4e-4f0e-9a43-3c3a1b1f2d11");
    private static readonly Guid Second = Guid.Parse("5d1c3f60-0d7a-4b8e-8f3a-2f0d6e9c1a22");

    [Theory]
    [InlineData("POST", true)]
    [InlineData("put", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("OPTIONS", false)]
    public void IsStateChanging_ByMethod_OnlyWrites(string method, bool expected) =>
        Assert.Equal(expected, AuditEntry.IsStateChanging(method));

    [Fact]
    public void TargetIdOf_CreatedWithLocation_IsTheLocationsId() =>
        Assert.Equal(Second, AuditEntry.TargetIdOf(201, $"http://gateway/api/v1/customers/{Second}?x=1", $"/api/v1/customers/{First}/purchases"));

    [Fact]
    public void TargetIdOf_LocationOnOtherStatus_IsTheLastIdInThePath() =>
        Assert.Equal(Second, AuditEntry.TargetIdOf(200, $"/api/v1/customers/{First}", $"/api/v1/customers/{First}/purchases/{Second}/lines"));

    [Fact]
    public void TargetIdOf_CreatedWithoutLocation_IsTheLastIdInThePath() =>
        Assert.Equal(First, AuditEntry.TargetIdOf(201, null, $"/api/v1/customers/{First}/purchases"));

    [Fact]
    public void TargetIdOf_NoIdAnywhere_IsNull() =>
        Assert.Null(AuditEntry.TargetIdOf(200, "", "/api/v1/customers"));

    [Fact]
    public void Record_OverlongPathAndLowerCaseMethod_TruncatesAndUpperCases()
    {
        var path = "/api/v1/customers/" + new string('a', 1_000);

        var entry = AuditEntry.Record(First, Second, "central", "delete", path, null, 204, new string('c', 100), Now);

        Assert.Equal(path[..AuditEntry.MaxRouteLength], entry.Route);
        Assert.Equal("DELETE", entry.Method);
        Assert.Equal(AuditEntry.MaxCorrelationIdLength, entry.CorrelationId!.Length);
        Assert.Equal("central", entry.Branch);
        Assert.Equal(Now, entry.OccurredAt);
    }
}
