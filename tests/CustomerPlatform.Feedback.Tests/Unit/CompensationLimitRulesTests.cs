using CustomerPlatform.Feedback.Domain.Compensations;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class CompensationLimitRulesTests
{
    [Fact]
    public void Check_ValidRoles_ReturnsThemLowestRankFirst()
    {
        var errors = new Dictionary<string, string[]>();

        var roles = CompensationLimitRules.Check("EUR", [Role("manager", 3, 500), Role(" staff ", 1, 20), Role("supervisor", 2, 100)], errors);

        Assert.Empty(errors);
        Assert.NotNull(roles);
        Assert.Equal(["staff", "supervisor", "manager"], roles.Select(role => role.Role));
        Assert.Equal(new CompensationLimits(20, 20, 20, 20), roles[0].Limits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eur")]
    [InlineData("EURO")]
    public void Check_BadCurrency_ReportsCurrency(string? currency)
    {
        var errors = new Dictionary<string, string[]>();

        var roles = CompensationLimitRules.Check(currency, [Role("staff", 1, 20)], errors);

        Assert.Null(roles);
        Assert.Equal(["currency"], errors.Keys);
    }

    [Fact]
    public void Check_NoRoles_ReportsRoles()
    {
        var errors = new Dictionary<string, string[]>();

        var roles = CompensationLimitRules.Check("EUR", [], errors);

        Assert.Null(roles);
        Assert.Equal(["roles"], errors.Keys);
    }

    [Fact]
    public void Check_DuplicateRoleAndRank_ReportsTheSecondOfEach()
    {
        var errors = new Dictionary<string, string[]>();

        CompensationLimitRules.Check("EUR", [Role("staff", 1, 20), Role("Staff", 1, 20)], errors);

        Assert.Equal(["roles[1].rank", "roles[1].role"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_BadLimits_ReportsEachByItsPath()
    {
        var errors = new Dictionary<string, string[]>();
        var draft = new RoleLimitsDraft("staff", 1, -1m, 1.23456m, null, 10.5m);

        CompensationLimitRules.Check("EUR", [draft], errors);

        Assert.Equal(
            ["roles[0].limits.creditNote", "roles[0].limits.loyaltyPoints", "roles[0].limits.refund", "roles[0].limits.replacement"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_HigherRankWithLowerLimit_ReportsThatLimit()
    {
        var errors = new Dictionary<string, string[]>();
        var manager = new RoleLimitsDraft("manager", 5, 500m, 500m, 10m, 1000m);

        CompensationLimitRules.Check("EUR", [Role("staff", 1, 20), manager], errors);

        var message = Assert.Single(Assert.Single(errors, entry => entry.Key == "roles[1].limits.replacement").Value);
        Assert.Contains("'staff'", message, StringComparison.Ordinal);
        Assert.Single(errors);
    }

    private static RoleLimitsDraft Role(string role, int rank, decimal limit) => new(role, rank, limit, limit, limit, limit);
}
